import { startEventConsumer } from '@metered/event-platform';
import { bootstrapService } from '@metered/service-kit';
import { OperationsModule } from './operations.module';

void bootstrapService('operations', OperationsModule, {
  // The audit trail, every service's dead letters and session revocations arrive over Kafka.
  configure: (app) => startEventConsumer(app, 'operations'),
});
