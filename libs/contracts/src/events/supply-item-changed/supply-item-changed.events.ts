import { IsIn, IsISO8601, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { REORDER_NUMBER_PATTERN, SERIAL_NUMBER_PATTERN } from '../../reference/identifiers';
import { Topics } from '../../topics';
import { Actor } from '../shared/actor';
import { nested, SupplyItemSummary } from '../shared/device-summary';

export const SUPPLY_ITEM_SOURCES = ['helpdesk', 'customer-request'] as const;

/**
 * A supply item was tied to one serial in addition to the items of its model (an "item not
 * listed" the helpdesk added): from now on it can be ordered for that serial.
 */
export class SupplyItemAddedPayload {
  @Matches(SERIAL_NUMBER_PATTERN)
  serial: string;

  @IsUUID()
  accountId: string;

  @nested(() => SupplyItemSummary)
  item: SupplyItemSummary;

  @IsIn(SUPPLY_ITEM_SOURCES)
  source: (typeof SUPPLY_ITEM_SOURCES)[number];

  @nested(() => Actor)
  addedBy: Actor;

  @IsISO8601()
  addedAt: string;
}

/** A supply item can no longer be ordered for one serial (the helpdesk removed it). */
export class SupplyItemRemovedPayload {
  @Matches(SERIAL_NUMBER_PATTERN)
  serial: string;

  @IsUUID()
  accountId: string;

  @Matches(REORDER_NUMBER_PATTERN)
  reorderNumber: string;

  @nested(() => Actor)
  removedBy: Actor;

  @IsISO8601()
  removedAt: string;
}

/** `SupplyItemAdded` v1 on `registry.device.v1`, keyed by serial. */
export const SupplyItemAddedEvent = defineEvent({
  type: 'SupplyItemAdded',
  version: 1,
  topic: Topics.RegistryDevice,
  payloadClass: SupplyItemAddedPayload,
  keyOf: (payload) => payload.serial,
});

/** `SupplyItemRemoved` v1 on `registry.device.v1`, keyed by serial. */
export const SupplyItemRemovedEvent = defineEvent({
  type: 'SupplyItemRemoved',
  version: 1,
  topic: Topics.RegistryDevice,
  payloadClass: SupplyItemRemovedPayload,
  keyOf: (payload) => payload.serial,
});
