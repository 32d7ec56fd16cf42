import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { INFRASTRUCTURE_CONFIG, InfrastructureConfig } from '@metered/service-kit';
import { NOTIFICATIONS_CONFIG, readNotificationsConfig } from '../config/notifications.config';
import { EmailQueue } from './email-queue.service';
import { EmailSender } from './email-sender.service';
import { EmailsController } from './emails.controller';
import { EmailsService } from './emails.service';
import { EMAIL_MODEL, EMAILS_COLLECTION, EmailSchema } from './persistence/email.schema';
import { EmailsRepository } from './persistence/emails.repository';
import { RecipientCapsRepository } from './persistence/recipient-caps.repository';
import { SmtpMailer } from './smtp-mailer';

/** The durable delivery queue, the SMTP sender and the delivery log. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: EMAIL_MODEL, schema: EmailSchema, collection: EMAILS_COLLECTION },
    ]),
  ],
  controllers: [EmailsController],
  providers: [
    {
      provide: NOTIFICATIONS_CONFIG,
      useFactory: (infrastructure: InfrastructureConfig) => readNotificationsConfig(infrastructure),
      inject: [INFRASTRUCTURE_CONFIG],
    },
    EmailsRepository,
    RecipientCapsRepository,
    SmtpMailer,
    EmailSender,
    EmailQueue,
    EmailsService,
  ],
  exports: [EmailQueue, NOTIFICATIONS_CONFIG],
})
export class EmailsModule {}
