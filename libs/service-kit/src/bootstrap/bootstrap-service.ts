import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { serveServiceDocument } from '../api-docs/service-api-docs';
import { ServiceName, servicePort } from '../config/infrastructure.config';
import { AppSettings, assertSettings } from '../config/settings-schema';
import { DomainErrorFilter } from '../errors/domain-error.filter';
import { DatabaseUnavailableFilter } from '../errors/database-unavailable.filter';
import { createValidationPipe } from '../validation/validation.pipe';
import { LargeBodyRoute, useLimitedBodyParsers } from './body-parsing';
import { correlationIdMiddleware } from './correlation-id.middleware';
import { noStoreMiddleware } from './no-store.middleware';
import { useSecurityHeaders } from './security-headers';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { databaseCommandContextMiddleware } from '../metrics/database-command-metrics';

export interface BootstrapOptions {
  /**
   * The app's settings list (apps/<app>/src/config/<app>.settings.ts): checked before anything
   * starts, so a missing or malformed setting stops the service with one message listing all.
   */
  settings: AppSettings;
  /** Runs after the app is created and before it listens (e.g. Swagger, microservices). */
  configure?: (app: INestApplication) => void | Promise<void>;
  /**
   * `false` leaves request bodies unread, for the gateway: its proxy streams them to the
   * services (capped at 64 kB there) and its own endpoints take none. Default `true`.
   */
  parseBodies?: boolean;
  /** Routes whose JSON bodies may be larger than 64 kB (each with its own cap). */
  largeBodies?: readonly LargeBodyRoute[];
}

/** Creates, configures and starts one service the same way for all five of them. */
export async function bootstrapService(
  service: ServiceName,
  rootModule: Type<unknown>,
  options: BootstrapOptions,
): Promise<INestApplication> {
  if (options.settings.app !== service) {
    throw new Error(`${service} was given the settings list of ${options.settings.app}`);
  }
  assertSettings(options.settings);
  const parseBodies = options.parseBodies ?? true;
  // Nest's default parsers (100 kB) are replaced by ours, or left out for the gateway.
  const app = await NestFactory.create(rootModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.use(correlationIdMiddleware);
  app.use(noStoreMiddleware);
  app.use(httpMetricsMiddleware);
  useSecurityHeaders(app);
  if (parseBodies) useLimitedBodyParsers(app, options.largeBodies);
  // After the body parsers, whose stream callbacks would not carry the request's context.
  app.use(databaseCommandContextMiddleware);
  app.useGlobalPipes(createValidationPipe());
  // Nest tries the last registered filter first: domain errors, then database outages (503).
  app.useGlobalFilters(
    new DatabaseUnavailableFilter(app.getHttpAdapter()),
    new DomainErrorFilter(),
  );
  app.enableShutdownHooks();
  serveServiceDocument(app, service);
  await options.configure?.(app);
  const port = servicePort(service);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen(port, host);
  app.get(Logger).log(`${service} listening on http://${host}:${port}`);
  return app;
}
