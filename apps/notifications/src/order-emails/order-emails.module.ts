import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EmailsModule } from '../emails/emails.module';
import { OrderEmailsEvents } from './order-emails.events';
import { OrderEmailsService } from './order-emails.service';
import {
  ACCOUNT_RECIPIENTS_COLLECTION,
  ACCOUNT_RECIPIENTS_MODEL,
  AccountRecipientsSchema,
} from './persistence/account-recipient.schema';
import { AccountRecipientsRepository } from './persistence/account-recipients.repository';

/** Order confirmations and status notices to the users of the ordering account. */
@Module({
  imports: [
    EmailsModule,
    MongooseModule.forFeature([
      {
        name: ACCOUNT_RECIPIENTS_MODEL,
        schema: AccountRecipientsSchema,
        collection: ACCOUNT_RECIPIENTS_COLLECTION,
      },
    ]),
  ],
  controllers: [OrderEmailsEvents],
  providers: [AccountRecipientsRepository, OrderEmailsService],
  // RegistrationEmailsEvents passes RegistrationApproved (the account's first user) on;
  // account-request emails greet the requester by the name this read model knows, and
  // telemetry's alerts go to the same recipients.
  exports: [OrderEmailsService, AccountRecipientsRepository],
})
export class OrderEmailsModule {}
