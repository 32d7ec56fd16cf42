import { Logger, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { serviceUrl } from '@metered/service-kit';
import { ApiProxy } from './api-proxy';
import { ApiProxyMiddleware } from './api-proxy.middleware';

function createApiProxy(): ApiProxy {
  const logger = new Logger('ApiProxy');
  return new ApiProxy({
    targets: {
      identity: serviceUrl('identity'),
      registry: serviceUrl('registry'),
      ordering: serviceUrl('ordering'),
      notifications: serviceUrl('notifications'),
      operations: serviceUrl('operations'),
    },
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
  providers: [{ provide: ApiProxy, useFactory: createApiProxy }, ApiProxyMiddleware],
})
export class ApiProxyModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(ApiProxyMiddleware)
      .forRoutes({ path: 'api/{*path}', method: RequestMethod.ALL });
  }
}
