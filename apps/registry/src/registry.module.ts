import { Module } from '@nestjs/common';
import { ALL_TOPICS, contractsCatalog } from '@metered/contracts';
import { EventPlatformModule } from '@metered/event-platform';
import { ServiceKitModule } from '@metered/service-kit';

@Module({
  imports: [
    ServiceKitModule.forService('registry'),
    EventPlatformModule.forRoot({
      service: 'registry',
      catalog: contractsCatalog,
      topics: ALL_TOPICS,
    }),
  ],
})
export class RegistryModule {}
