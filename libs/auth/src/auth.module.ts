import { DynamicModule, Module } from '@nestjs/common';
import { ServiceName } from '@metered/service-kit';

/**
 * Verifies identity's access tokens in a service. Import once in the service's root module:
 * `AuthModule.forService('registry')`.
 */
@Module({})
export class AuthModule {
  static forService(service: ServiceName): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [{ provide: 'AUTH_SERVICE', useValue: service }],
    };
  }
}
