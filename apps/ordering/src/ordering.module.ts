import { Module } from '@nestjs/common';
import { AuthModule } from '@metered/auth';
import { ALL_TOPICS, contractsCatalog } from '@metered/contracts';
import { EventPlatformModule } from '@metered/event-platform';
import { ServiceKitModule } from '@metered/service-kit';

@Module({
  imports: [
    ServiceKitModule.forService('ordering'),
    EventPlatformModule.forRoot({ service: 'ordering', catalog: contractsCatalog, topics: ALL_TOPICS }),
    AuthModule.forService('ordering'),
  ],
})
export class OrderingModule {}
