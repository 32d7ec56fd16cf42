import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '@metered/events-core';

import { SERIAL_NUMBER_PATTERN } from '../../reference/identifiers';
import { Topics } from '../../topics';
import { Registrant } from '../shared/registrant';
import { ShipToAddress } from '../shared/ship-to-address';

/**
 * A validator approved a registration: the account and its first user exist. The registry
 * links `serials` to `accountId` with `shipTo`.
 */
export class RegistrationApprovedPayload extends Registrant {
  /** The new customer account. */
  @IsUUID()
  accountId: string;

  /** The account's first user (role `customer`). */
  @IsUUID()
  userId: string;

  @ValidateNested()
  @Type(() => ShipToAddress)
  shipTo: ShipToAddress;

  /** The serials the validator approved (those that passed the registry's checks). */
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(SERIAL_NUMBER_PATTERN, { each: true })
  serials: string[];

  /** User id of the validator. */
  @IsString()
  @IsNotEmpty()
  approvedBy: string;

  @IsISO8601()
  approvedAt: string;
}

/** `RegistrationApproved` v1 on `identity.registration.v1`, keyed by registrationId. */
export const RegistrationApprovedEvent = defineEvent({
  type: 'RegistrationApproved',
  version: 1,
  topic: Topics.IdentityRegistration,
  payloadClass: RegistrationApprovedPayload,
  keyOf: (payload) => payload.registrationId,
});
