import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import helmet from 'helmet';
import { ServiceName, servicePort } from '../config/infrastructure.config';
import { DomainErrorFilter } from '../errors/domain-error.filter';
import { createValidationPipe } from '../validation/validation.pipe';

export interface BootstrapOptions {
  /** Runs after the app is created and before it listens (e.g. Swagger, microservices). */
  configure?: (app: INestApplication) => void | Promise<void>;
}

/** Creates, configures and starts one service the same way for all five of them. */
export async function bootstrapService(
  service: ServiceName,
  rootModule: Type<unknown>,
  options: BootstrapOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(rootModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.use(helmet());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();
  await options.configure?.(app);
  const port = servicePort(service);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen(port, host);
  app.get(Logger).log(`${service} listening on http://${host}:${port}`);
  return app;
}
