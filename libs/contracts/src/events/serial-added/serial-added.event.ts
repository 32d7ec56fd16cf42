import { IsArray, IsIn, IsISO8601, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { COUNTRY_CODES } from '../../reference/countries';
import { SERIAL_NUMBER_PATTERN } from '../../reference/identifiers';
import { Topics } from '../../topics';
import { ShipToAddress } from '../shared/ship-to-address';
import {
  ContractSummary,
  DeviceModelSummary,
  nested,
  optionalNested,
  SupplyItemSummary,
} from '../shared/device-summary';

export const SERIAL_SOURCES = ['registration', 'helpdesk', 'customer-request'] as const;

/**
 * A device now belongs to a customer account: the account may order for it while its
 * contract is current. Carries what ordering needs for its read model.
 */
export class SerialAddedPayload {
  @Matches(SERIAL_NUMBER_PATTERN)
  serial: string;

  @IsUUID()
  accountId: string;

  @IsIn(COUNTRY_CODES)
  country: string;

  @nested(() => DeviceModelSummary)
  model: DeviceModelSummary;

  /** The device's latest contract; absent when it has none. */
  @optionalNested(() => ContractSummary)
  contract?: ContractSummary;

  /** Where the account's supplies go. */
  @nested(() => ShipToAddress)
  shipTo: ShipToAddress;

  /** Supply items that can be ordered for this device (compatible with its model). */
  @IsArray()
  @nested(() => SupplyItemSummary)
  supplyItems: SupplyItemSummary[];

  @IsIn(SERIAL_SOURCES)
  source: (typeof SERIAL_SOURCES)[number];

  @IsISO8601()
  addedAt: string;
}

/** `SerialAdded` v1 on `registry.device.v1`, keyed by serial. */
export const SerialAddedEvent = defineEvent({
  type: 'SerialAdded',
  version: 1,
  topic: Topics.RegistryDevice,
  payloadClass: SerialAddedPayload,
  keyOf: (payload) => payload.serial,
});
