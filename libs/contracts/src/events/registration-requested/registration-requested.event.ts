import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '@metered/event-platform/envelope';
import { COUNTRY_CODES } from '../../reference/countries';
import { SERIAL_NUMBER_PATTERN } from '../../reference/identifiers';
import { Topics } from '../../topics';
import { ShipToAddress } from '../shared/ship-to-address';

/** Someone asked for a portal account for their company's devices. */
export class RegistrationRequestedPayload {
  /** Id of the registration request; the Kafka key of all its events. */
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

  /** Lower-cased. */
  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  phone: string;

  /** ISO 3166-1 alpha-2 country the account belongs to. */
  @IsIn(COUNTRY_CODES)
  country: string;

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
