import { startEventConsumer } from '@metered/event-platform';
import { bootstrapService } from '@metered/service-kit';
import { OrderingModule } from './ordering.module';
import { ORDERING_SETTINGS } from './config/ordering.settings';

// Consumes from the start: session revocations (libs/auth), identity's approvals and the
// registry's devices and accounts (read models), and the warehouse's shipments.
void bootstrapService('ordering', OrderingModule, {
  settings: ORDERING_SETTINGS,
  configure: (app) => startEventConsumer(app, 'ordering'),
});
