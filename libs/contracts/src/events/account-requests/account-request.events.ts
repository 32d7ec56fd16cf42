import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { COUNTRY_CODES } from '../../reference/countries';
import { REORDER_NUMBER_PATTERN, SERIAL_NUMBER_PATTERN } from '../../reference/identifiers';
import { Topics } from '../../topics';
import { Actor } from '../shared/actor';
import { nested, optionalNested, SupplyItemSummary } from '../shared/device-summary';
import { SerialCheckResult } from '../serials-validated/serials-validated.event';

export const REQUEST_DECISIONS = ['approved', 'declined'] as const;
export type RequestDecision = (typeof REQUEST_DECISIONS)[number];

/** What every customer request to the helpdesk carries. */
export class AccountRequestHeader {
  /** Id of the request; the Kafka key of all its events. */
  @IsUUID()
  requestId: string;

  @IsUUID()
  accountId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  company: string;

  @IsIn(COUNTRY_CODES)
  country: string;

  /** The customer user who asked; the one emailed about the outcome. */
  @nested(() => Actor)
  requestedBy: Actor;
}

/**
 * A customer asked to add machines to the account, proving membership with a currently
 * active serial of the account. `checks` are the registry's automatic checks of each serial
 * (the same as for a registration); the request then waits for the helpdesk.
 */
export class MachinesRequestedPayload extends AccountRequestHeader {
  @Matches(SERIAL_NUMBER_PATTERN)
  proofSerial: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @nested(() => SerialCheckResult)
  checks: SerialCheckResult[];

  @IsISO8601()
  requestedAt: string;
}

/** The helpdesk approved (some eligible serials, each then `SerialAdded`) or declined. */
export class MachinesRequestDecidedPayload extends AccountRequestHeader {
  @IsIn(REQUEST_DECISIONS)
  decision: RequestDecision;

  /** The serials linked to the account (empty when declined). */
  @ArrayMaxSize(50)
  @Matches(SERIAL_NUMBER_PATTERN, { each: true })
  approvedSerials: string[];

  /** Why it was declined (required then), or a note to the customer. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @nested(() => Actor)
  decidedBy: Actor;

  @IsISO8601()
  decidedAt: string;
}

/** A customer asked for a supply item that is not in a serial's list ("item not listed"). */
export class SupplyItemRequestedPayload extends AccountRequestHeader {
  @Matches(SERIAL_NUMBER_PATTERN)
  serial: string;

  @Matches(REORDER_NUMBER_PATTERN)
  reorderNumber: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @IsISO8601()
  requestedAt: string;
}

/** The helpdesk added the item to the serial (then `SupplyItemAdded`) or declined. */
export class SupplyItemRequestDecidedPayload extends AccountRequestHeader {
  @Matches(SERIAL_NUMBER_PATTERN)
  serial: string;

  @Matches(REORDER_NUMBER_PATTERN)
  reorderNumber: string;

  @IsIn(REQUEST_DECISIONS)
  decision: RequestDecision;

  /** The item as added (when approved). */
  @optionalNested(() => SupplyItemSummary)
  item?: SupplyItemSummary;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @nested(() => Actor)
  decidedBy: Actor;

  @IsISO8601()
  decidedAt: string;
}

const keyOf = (payload: AccountRequestHeader) => payload.requestId;

/** `MachinesRequested` v1 on `registry.account-request.v1`, keyed by requestId. */
export const MachinesRequestedEvent = defineEvent<MachinesRequestedPayload>({
  type: 'MachinesRequested',
  version: 1,
  topic: Topics.RegistryAccountRequest,
  payloadClass: MachinesRequestedPayload,
  keyOf,
});

/** `MachinesRequestDecided` v1 on `registry.account-request.v1`, keyed by requestId. */
export const MachinesRequestDecidedEvent = defineEvent<MachinesRequestDecidedPayload>({
  type: 'MachinesRequestDecided',
  version: 1,
  topic: Topics.RegistryAccountRequest,
  payloadClass: MachinesRequestDecidedPayload,
  keyOf,
});

/** `SupplyItemRequested` v1 on `registry.account-request.v1`, keyed by requestId. */
export const SupplyItemRequestedEvent = defineEvent<SupplyItemRequestedPayload>({
  type: 'SupplyItemRequested',
  version: 1,
  topic: Topics.RegistryAccountRequest,
  payloadClass: SupplyItemRequestedPayload,
  keyOf,
});

/** `SupplyItemRequestDecided` v1 on `registry.account-request.v1`, keyed by requestId. */
export const SupplyItemRequestDecidedEvent = defineEvent<SupplyItemRequestDecidedPayload>({
  type: 'SupplyItemRequestDecided',
  version: 1,
  topic: Topics.RegistryAccountRequest,
  payloadClass: SupplyItemRequestDecidedPayload,
  keyOf,
});
