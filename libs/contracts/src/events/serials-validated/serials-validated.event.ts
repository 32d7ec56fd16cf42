import {
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { COUNTRY_CODES } from '../../reference/countries';
import { Topics } from '../../topics';
import {
  ContractSummary,
  DeviceModelSummary,
  nested,
  optionalNested,
} from '../shared/device-summary';

/** Why a serial can or cannot be registered. */
export const SERIAL_CHECK_OUTCOMES = [
  'eligible',
  'unknown-serial',
  'no-active-contract',
  'already-registered',
  'other-country',
] as const;
export type SerialCheckOutcome = (typeof SERIAL_CHECK_OUTCOMES)[number];

export class SerialCheckResult {
  @IsString()
  @IsNotEmpty()
  serial: string;

  @IsIn(SERIAL_CHECK_OUTCOMES)
  outcome: SerialCheckOutcome;

  /**
   * What to tell the person, e.g. for `no-active-contract`: buy supplies from the vendor's
   * store or a partner.
   */
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  message: string;

  /** Present when the serial is a known device. */
  @optionalNested(() => DeviceModelSummary)
  model?: DeviceModelSummary;

  /** The device's latest contract, when it has one. */
  @optionalNested(() => ContractSummary)
  contract?: ContractSummary;
}

/** The registry checked every serial of a registration request. */
export class SerialsValidatedPayload {
  @IsUUID()
  registrationId: string;

  @IsIn(COUNTRY_CODES)
  country: string;

  @ArrayMinSize(1)
  @nested(() => SerialCheckResult)
  results: SerialCheckResult[];

  /** True when every serial is `eligible`. */
  @IsBoolean()
  allEligible: boolean;

  @IsISO8601()
  checkedAt: string;
}

/** `SerialsValidated` v1 on `registry.serial-check.v1`, keyed by registrationId. */
export const SerialsValidatedEvent = defineEvent({
  type: 'SerialsValidated',
  version: 1,
  topic: Topics.RegistrySerialCheck,
  payloadClass: SerialsValidatedPayload,
  keyOf: (payload) => payload.registrationId,
});
