import { IsISO8601, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { SERIAL_NUMBER_PATTERN } from '../../reference/identifiers';
import { Topics } from '../../topics';
import { Actor } from '../shared/actor';
import { nested } from '../shared/device-summary';

/**
 * A device no longer belongs to the account (the helpdesk removed it): nothing can be ordered
 * for it any more. The device itself stays in the registry and may be linked again later.
 */
export class SerialRemovedPayload {
  @Matches(SERIAL_NUMBER_PATTERN)
  serial: string;

  /** The account it was removed from. */
  @IsUUID()
  accountId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;

  @nested(() => Actor)
  removedBy: Actor;

  @IsISO8601()
  removedAt: string;
}

/** `SerialRemoved` v1 on `registry.device.v1`, keyed by serial. */
export const SerialRemovedEvent = defineEvent({
  type: 'SerialRemoved',
  version: 1,
  topic: Topics.RegistryDevice,
  payloadClass: SerialRemovedPayload,
  keyOf: (payload) => payload.serial,
});
