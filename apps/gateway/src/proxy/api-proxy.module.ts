import { Logger, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ApiDocsModule } from '../api-docs/api-docs.module';
import { ApiProxy, LARGE_BODY_ROUTES } from './api-proxy';
import { ApiProxyMiddleware } from './api-proxy.middleware';
import { upstreamsOf } from './upstreams';

function createApiProxy(): ApiProxy {
  const logger = new Logger('ApiProxy');
  return new ApiProxy({
    targets: {
      identity: upstreamsOf('identity'),
      registry: upstreamsOf('registry'),
      ordering: upstreamsOf('ordering'),
      notifications: upstreamsOf('notifications'),
      operations: upstreamsOf('operations'),
      telemetry: upstreamsOf('telemetry'),
    },
    largeBodies: LARGE_BODY_ROUTES,
    onUpstreamError: (service, error) =>
      logger.warn(
        `${service} unreachable: ${(error as NodeJS.ErrnoException).code ?? error.message}`,
      ),
  });
}

/**
 * Applied as Nest middleware so it runs after the request logger (one log line per proxied
 * request, with its correlation id) and before any route or the portal's static files.
 */
@Module({
  imports: [ApiDocsModule],
  providers: [{ provide: ApiProxy, useFactory: createApiProxy }, ApiProxyMiddleware],
})
export class ApiProxyModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(ApiProxyMiddleware)
      .forRoutes({ path: 'api/{*path}', method: RequestMethod.ALL });
  }
}
