import { IsEmail, IsIn, IsISO8601, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { defineEvent } from '@metered/event-platform/envelope';
import { COUNTRY_CODES } from '../../reference/countries';
import { Topics } from '../../topics';

/** A validator rejected a registration; the person is told why by email. */
export class RegistrationRejectedPayload {
  @IsUUID()
  registrationId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  company: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  contactName: string;

  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsIn(COUNTRY_CODES)
  country: string;

  /** The validator's reason, shown to the person as written. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;

  @IsString()
  @IsNotEmpty()
  rejectedBy: string;

  @IsISO8601()
  rejectedAt: string;
}

/** `RegistrationRejected` v1 on `identity.registration.v1`, keyed by registrationId. */
export const RegistrationRejectedEvent = defineEvent({
  type: 'RegistrationRejected',
  version: 1,
  topic: Topics.IdentityRegistration,
  payloadClass: RegistrationRejectedPayload,
  keyOf: (payload) => payload.registrationId,
});
