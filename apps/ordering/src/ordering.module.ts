import { Module } from '@nestjs/common';
import { ServiceKitModule } from '@metered/service-kit';

@Module({
  imports: [ServiceKitModule.forService('ordering')],
})
export class OrderingModule {}
