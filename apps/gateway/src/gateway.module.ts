import { Module } from '@nestjs/common';
import { ServiceKitModule } from '@metered/service-kit';
import { PortalModule } from './portal/portal.module';
import { SystemHealthModule } from './system-health/system-health.module';

@Module({
  imports: [ServiceKitModule.forService('gateway'), SystemHealthModule, PortalModule],
})
export class GatewayModule {}
