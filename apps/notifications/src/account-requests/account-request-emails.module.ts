import { Module } from '@nestjs/common';
import { EmailsModule } from '../emails/emails.module';
import { OrderEmailsModule } from '../order-emails/order-emails.module';
import { AccountRequestEmailsEvents } from './account-request-emails.events';
import { AccountRequestEmailsService } from './account-request-emails.service';

@Module({
  imports: [EmailsModule, OrderEmailsModule],
  controllers: [AccountRequestEmailsEvents],
  providers: [AccountRequestEmailsService],
})
export class AccountRequestEmailsModule {}
