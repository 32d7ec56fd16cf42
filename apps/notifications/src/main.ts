import { bootstrapService } from '@metered/service-kit';
import { NotificationsModule } from './notifications.module';

void bootstrapService('notifications', NotificationsModule);
