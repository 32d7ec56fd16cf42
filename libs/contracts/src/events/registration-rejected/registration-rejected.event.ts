import { IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { defineEvent } from '@metered/events-core';

import { Topics } from '../../topics';
import { Registrant } from '../shared/registrant';

/** A validator rejected a registration; the person is told why by email. */
export class RegistrationRejectedPayload extends Registrant {
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
