import { Module } from '@nestjs/common';
import { ALL_TOPICS, contractsCatalog } from '@metered/contracts';
import { AuthModule } from '@metered/auth';
import { EventPlatformModule } from '@metered/event-platform';
import { ServiceKitModule } from '@metered/service-kit';
import { AccessLinkEmailsModule } from './access-links/access-link-emails.module';
import { AccountRequestEmailsModule } from './account-requests/account-request-emails.module';
import { DeviceAlertEmailsModule } from './device-alerts/device-alert-emails.module';
import { EmailsModule } from './emails/emails.module';
import { EMAILS_COLLECTION } from './emails/persistence/email.schema';
import { OrderEmailsModule } from './order-emails/order-emails.module';
import { RegistrationEmailsModule } from './registrations/registration-emails.module';

@Module({
  imports: [
    ServiceKitModule.forService('notifications'),
    EventPlatformModule.forRoot({
      service: 'notifications',
      catalog: contractsCatalog,
      topics: ALL_TOPICS,
      // EmailSent / EmailFailed leave with the email's own status change.
      outboxCollections: [EMAILS_COLLECTION],
    }),
    AuthModule.forService('notifications'),
    EmailsModule,
    RegistrationEmailsModule,
    AccessLinkEmailsModule,
    OrderEmailsModule,
    AccountRequestEmailsModule,
    DeviceAlertEmailsModule,
  ],
})
export class NotificationsModule {}
