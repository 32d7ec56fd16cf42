import { Module } from '@nestjs/common';
import { ALL_TOPICS, contractsCatalog } from '@metered/contracts';
import { AuthModule } from '@metered/auth';
import { EventPlatformModule } from '@metered/event-platform';
import { ServiceKitModule } from '@metered/service-kit';
import { AuditModule } from './audit/audit.module';
import { DEAD_LETTER_TOPICS } from './dead-letters/dead-letters.events';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { DEAD_LETTERS_COLLECTION } from './dead-letters/persistence/dead-letter.schema';
import { OverviewModule } from './overview/overview.module';

@Module({
  imports: [
    ServiceKitModule.forService('operations'),
    EventPlatformModule.forRoot({
      service: 'operations',
      catalog: contractsCatalog,
      // Every service's dead-letter topic is created here too: subscribing needs them to exist.
      topics: [...ALL_TOPICS, ...DEAD_LETTER_TOPICS],
      // A replay's StaffActionRecorded leaves with the dead letter's status change.
      outboxCollections: [DEAD_LETTERS_COLLECTION],
    }),
    AuthModule.forService('operations'),
    AuditModule,
    DeadLettersModule,
    OverviewModule,
  ],
})
export class OperationsModule {}
