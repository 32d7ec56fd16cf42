import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { Topics } from '../../topics';
import { Actor } from '../shared/actor';
import { nested } from '../shared/device-summary';
import { ShipToAddress } from '../shared/ship-to-address';

/**
 * The helpdesk changed an account's ship-to address. Orders placed afterwards go to `shipTo`;
 * orders placed before keep the address they were placed with.
 */
export class ShipToAddressChangedPayload {
  @IsUUID()
  accountId: string;

  @nested(() => ShipToAddress)
  previous: ShipToAddress;

  @nested(() => ShipToAddress)
  shipTo: ShipToAddress;

  @nested(() => Actor)
  changedBy: Actor;

  @IsISO8601()
  changedAt: string;
}

/** `ShipToAddressChanged` v1 on `registry.account.v1`, keyed by accountId. */
export const ShipToAddressChangedEvent = defineEvent({
  type: 'ShipToAddressChanged',
  version: 1,
  topic: Topics.RegistryAccount,
  payloadClass: ShipToAddressChangedPayload,
  keyOf: (payload) => payload.accountId,
});
