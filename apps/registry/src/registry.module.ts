import { Module } from '@nestjs/common';
import { ServiceKitModule } from '@metered/service-kit';

@Module({
  imports: [ServiceKitModule.forService('registry')],
})
export class RegistryModule {}
