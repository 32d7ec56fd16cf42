import { startEventConsumer } from '@metered/event-platform';
import { bootstrapService } from '@metered/service-kit';
import { OrderingModule } from './ordering.module';

// Consumes from the start: session revocations today (libs/auth), registry events next.
void bootstrapService('ordering', OrderingModule, {
  configure: (app) => startEventConsumer(app, 'ordering'),
});
