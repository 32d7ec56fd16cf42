import { Module } from '@nestjs/common';
import { EmailsModule } from '../emails/emails.module';
import { AccessLinkEmailsEvents } from './access-link-emails.events';
import { AccessLinkEmailsService } from './access-link-emails.service';
import { ACCESS_LINK_KEYRING, readNotificationsKeyring } from './access-link-keyring';

@Module({
  imports: [EmailsModule],
  controllers: [AccessLinkEmailsEvents],
  providers: [
    AccessLinkEmailsService,
    { provide: ACCESS_LINK_KEYRING, useFactory: () => readNotificationsKeyring() },
  ],
})
export class AccessLinkEmailsModule {}
