import { startEventConsumer } from '@metered/event-platform';
import { bootstrapService } from '@metered/service-kit';
import { IdentityModule } from './identity.module';

void bootstrapService('identity', IdentityModule, {
  // Registration checks and session revocations (for @metered/auth) arrive over Kafka.
  configure: (app) => startEventConsumer(app, 'identity'),
});
