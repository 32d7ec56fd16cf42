import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsISO8601,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '@metered/events-core';

import { SERIAL_NUMBER_PATTERN } from '../../reference/identifiers';
import { Topics } from '../../topics';
import { Registrant } from '../shared/registrant';
import { ShipToAddress } from '../shared/ship-to-address';

/** Someone asked for a portal account for their company's devices. */
export class RegistrationRequestedPayload extends Registrant {
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  phone: string;

  @ValidateNested()
  @Type(() => ShipToAddress)
  shipTo: ShipToAddress;

  /** Normalised serial numbers (upper case), each once. */
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(SERIAL_NUMBER_PATTERN, { each: true })
  serials: string[];

  @IsISO8601()
  requestedAt: string;
}

/** `RegistrationRequested` v1 on `identity.registration.v1`, keyed by registrationId. */
export const RegistrationRequestedEvent = defineEvent({
  type: 'RegistrationRequested',
  version: 1,
  topic: Topics.IdentityRegistration,
  payloadClass: RegistrationRequestedPayload,
  keyOf: (payload) => payload.registrationId,
});
