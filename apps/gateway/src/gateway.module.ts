import { Module } from '@nestjs/common';
import { ServiceKitModule } from '@metered/service-kit';
import { PortalModule } from './portal/portal.module';
import { ApiProxyModule } from './proxy/api-proxy.module';
import { SystemHealthModule } from './system-health/system-health.module';

// ApiProxyModule comes before PortalModule: /api/* is answered by the proxy or the gateway's
// own routes, never by the portal's index.html.
@Module({
  imports: [
    ServiceKitModule.forService('gateway'),
    SystemHealthModule,
    ApiProxyModule,
    PortalModule,
  ],
})
export class GatewayModule {}
