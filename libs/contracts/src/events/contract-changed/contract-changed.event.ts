import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { SERIAL_NUMBER_PATTERN } from '../../reference/identifiers';
import { Topics } from '../../topics';
import { ContractSummary, nested } from '../shared/device-summary';

/** A device's contract was created, renewed, suspended, ended or re-dated (master data import). */
export class ContractChangedPayload {
  @Matches(SERIAL_NUMBER_PATTERN)
  serial: string;

  /** The account the device belongs to, if any. */
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @nested(() => ContractSummary)
  contract: ContractSummary;

  @IsISO8601()
  changedAt: string;
}

/** `ContractChanged` v1 on `registry.device.v1`, keyed by serial. */
export const ContractChangedEvent = defineEvent({
  type: 'ContractChanged',
  version: 1,
  topic: Topics.RegistryDevice,
  payloadClass: ContractChangedPayload,
  keyOf: (payload) => payload.serial,
});
