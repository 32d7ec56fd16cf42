export * from './platform-metrics';
export * from './scrape-hooks';
export * from './http-metrics.middleware';
export * from './metrics.module';
export * from './database-command-metrics';
export * from './service-version';
