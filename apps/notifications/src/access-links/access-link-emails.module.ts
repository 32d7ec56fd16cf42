import { Module } from '@nestjs/common';
import { EmailsModule } from '../emails/emails.module';
import { AccessLinkEmailsEvents } from './access-link-emails.events';
import { AccessLinkEmailsService } from './access-link-emails.service';

@Module({
  imports: [EmailsModule],
  controllers: [AccessLinkEmailsEvents],
  providers: [AccessLinkEmailsService],
})
export class AccessLinkEmailsModule {}
