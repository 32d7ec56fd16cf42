import { Module, OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventOutbox } from '@metered/event-platform';
import { AuthFeatureModule } from '../auth/auth-feature.module';
import { UsersModule } from '../users/users.module';
import {
  REGISTRATION_MODEL,
  RegistrationSchema,
  REGISTRATIONS_COLLECTION,
} from './persistence/registration.schema';
import {
  MongoRegistrationsRepository,
  RegistrationsRepository,
} from './persistence/registrations.repository';
import { RegistrationChecksService } from './registration-checks.service';
import { RegistrationIntakeService } from './registration-intake.service';
import { RegistrationReviewService } from './registration-review.service';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsEvents } from './registrations.events';

/** Registration requests: public intake, the registry's checks, the validator's decision. */
@Module({
  imports: [
    MongooseModule.forFeature([
      {
        name: REGISTRATION_MODEL,
        schema: RegistrationSchema,
        collection: REGISTRATIONS_COLLECTION,
      },
    ]),
    UsersModule,
    AuthFeatureModule,
  ],
  controllers: [RegistrationsController, RegistrationsEvents],
  providers: [
    RegistrationIntakeService,
    RegistrationReviewService,
    RegistrationChecksService,
    { provide: RegistrationsRepository, useClass: MongoRegistrationsRepository },
  ],
})
export class RegistrationsModule implements OnModuleInit {
  constructor(private readonly outbox: EventOutbox) {}

  /** Registered here so the relay publishes this collection's events. */
  onModuleInit(): void {
    this.outbox.registerCollection(REGISTRATIONS_COLLECTION);
  }
}
