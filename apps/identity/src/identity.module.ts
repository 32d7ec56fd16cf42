import { Module } from '@nestjs/common';
import { ALL_TOPICS, contractsCatalog } from '@metered/contracts';
import { EventPlatformModule } from '@metered/event-platform';
import { ServiceKitModule } from '@metered/service-kit';
import { IdentityConfigModule } from './config/identity-config.module';
import { USERS_COLLECTION } from './users/persistence/user.schema';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ServiceKitModule.forService('identity'),
    IdentityConfigModule,
    EventPlatformModule.forRoot({
      service: 'identity',
      catalog: contractsCatalog,
      topics: ALL_TOPICS,
      outboxCollections: [USERS_COLLECTION],
    }),
    UsersModule,
  ],
})
export class IdentityModule {}
