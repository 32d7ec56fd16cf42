import { startEventConsumer } from '@metered/event-platform';
import { bootstrapService } from '@metered/service-kit';
import { NotificationsModule } from './notifications.module';
import { NOTIFICATIONS_SETTINGS } from './config/notifications.settings';

void bootstrapService('notifications', NotificationsModule, {
  settings: NOTIFICATIONS_SETTINGS,
  // Registration, user, order, account-request, access-link and session-revocation events
  // arrive over Kafka.
  configure: (app) => startEventConsumer(app, 'notifications'),
});
