import { startEventConsumer } from '@metered/event-platform';
import { bootstrapService } from '@metered/service-kit';
import { OperationsModule } from './operations.module';
import { OPERATIONS_SETTINGS } from './config/operations.settings';

void bootstrapService('operations', OperationsModule, {
  settings: OPERATIONS_SETTINGS,
  // The audit trail, every service's dead letters and session revocations arrive over Kafka.
  configure: (app) => startEventConsumer(app, 'operations'),
});
