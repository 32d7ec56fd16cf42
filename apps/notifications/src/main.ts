import { startEventConsumer } from '@metered/event-platform';
import { bootstrapService } from '@metered/service-kit';
import { NotificationsModule } from './notifications.module';

void bootstrapService('notifications', NotificationsModule, {
  // Registration, user, order, account-request, access-link and session-revocation events
  // arrive over Kafka.
  configure: (app) => startEventConsumer(app, 'notifications'),
});
