import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EmailsModule } from '../emails/emails.module';
import { OrderEmailsModule } from '../order-emails/order-emails.module';
import {
  REGISTRATION_CONTACT_MODEL,
  REGISTRATION_CONTACTS_COLLECTION,
  RegistrationContactSchema,
} from './persistence/registration-contact.schema';
import { RegistrationContactsRepository } from './persistence/registration-contacts.repository';
import { RegistrationEmailsEvents } from './registration-emails.events';
import { RegistrationEmailsService } from './registration-emails.service';

@Module({
  imports: [
    EmailsModule,
    OrderEmailsModule,
    MongooseModule.forFeature([
      {
        name: REGISTRATION_CONTACT_MODEL,
        schema: RegistrationContactSchema,
        collection: REGISTRATION_CONTACTS_COLLECTION,
      },
    ]),
  ],
  controllers: [RegistrationEmailsEvents],
  providers: [RegistrationContactsRepository, RegistrationEmailsService],
})
export class RegistrationEmailsModule {}
