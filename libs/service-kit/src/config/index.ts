// Public subpath @metered/service-kit/config: the framework-free configuration (environment
// readers, the shared infrastructure settings, the settings schema). Settings files and the
// CLI tools (tools/stack, tools/bench) import it without loading NestJS; everything here is
// also exported by @metered/service-kit.
export * from './config.tokens';
export * from './infrastructure.config';
export * from './env-settings';
export * from './settings-schema';
export * from './platform.settings';
