import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { REORDER_NUMBER_PATTERN, SERIAL_NUMBER_PATTERN } from '../../reference/identifiers';
import { Topics } from '../../topics';
import { Actor } from '../shared/actor';
import { nested, optionalNested } from '../shared/device-summary';

/**
 * Telemetry events: what the telemetry service derived from the readings data collection
 * agents upload (see docs/events.md). All are keyed by serial on `telemetry.device.v1`, so a
 * device's events stay in order; the account's settings are on `telemetry.account.v1`.
 */

/** How a forecast stands: forecast, still learning, or impossible from what the device reports. */
export const FORECAST_STATES = ['forecast', 'learning', 'cannot-forecast', 'stale'] as const;
export type ForecastState = (typeof FORECAST_STATES)[number];

/** How sure a forecast is. */
export const FORECAST_CONFIDENCES = ['low', 'medium', 'high'] as const;
export type ForecastConfidence = (typeof FORECAST_CONFIDENCES)[number];

/** One marker supply of a device as last reported: what the device said, and the derived percentage where there is one. */
export class SupplyLevelSummary {
  /** The supply's stable id within the device (its prtMarkerSuppliesIndex, or the colorant). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  supplyId: string;

  /** The device's description, e.g. `Black Toner Cartridge`. */
  @IsString()
  @MaxLength(200)
  description: string;

  /** Our reorder number, where the supply is tied to one of the serial's items. */
  @IsOptional()
  @Matches(REORDER_NUMBER_PATTERN)
  reorderNumber?: string;

  /** RFC 3805 level: units out of maxCapacity, or -1 other, -2 unknown, -3 some remaining. */
  @IsInt()
  @Min(-3)
  level: number;

  @IsInt()
  @Min(-2)
  maxCapacity: number;

  /** 0–100, only where level and maxCapacity give one. */
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  percent?: number;
}

/** The derived state of one supply: days to empty with its confidence, or why there is none. */
export class SupplyForecastSummary {
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  supplyId: string;

  @IsOptional()
  @Matches(REORDER_NUMBER_PATTERN)
  reorderNumber?: string;

  @IsIn(FORECAST_STATES)
  state: ForecastState;

  /** Days until empty from `asOf`, when `state` is `forecast`. */
  @IsOptional()
  @IsNumber()
  @Min(0)
  daysToEmpty?: number;

  @IsOptional()
  @IsIn(FORECAST_CONFIDENCES)
  confidence?: ForecastConfidence;

  /** The reading time the forecast is based on. */
  @IsISO8601()
  asOf: string;
}

/**
 * A batch of readings of one device was accepted (a compact stream: one event per device
 * per ingest batch, with the latest levels, not one per reading).
 */
export class ReadingsAcceptedPayload {
  @Matches(SERIAL_NUMBER_PATTERN)
  serial: string;

  @IsUUID()
  accountId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  agentId: string;

  /** New readings stored (duplicates are not counted). */
  @IsInt()
  @Min(1)
  accepted: number;

  @IsISO8601()
  firstReadAt: string;

  @IsISO8601()
  lastReadAt: string;

  /** Total page counter at `lastReadAt`, where reported. */
  @IsOptional()
  @IsInt()
  @Min(0)
  totalPages?: number;

  @ArrayMaxSize(32)
  @nested(() => SupplyLevelSummary)
  supplies: SupplyLevelSummary[];
}

export const ReadingsAcceptedEvent = defineEvent({
  type: 'ReadingsAccepted',
  version: 1,
  topic: Topics.TelemetryDevice,
  payloadClass: ReadingsAcceptedPayload,
  keyOf: (payload) => payload.serial,
});

/** A supply's days to empty crossed one of the thresholds (e.g. 14 or 7 days). */
export class ForecastThresholdCrossedPayload {
  @Matches(SERIAL_NUMBER_PATTERN)
  serial: string;

  @IsUUID()
  accountId: string;

  /** The threshold crossed, in days. */
  @IsInt()
  @Min(0)
  thresholdDays: number;

  @nested(() => SupplyForecastSummary)
  forecast: SupplyForecastSummary;
}

export const ForecastThresholdCrossedEvent = defineEvent({
  type: 'ForecastThresholdCrossed',
  version: 1,
  topic: Topics.TelemetryDevice,
  payloadClass: ForecastThresholdCrossedPayload,
  keyOf: (payload) => payload.serial,
});

/** A supply is low; `autoReplenishment` says whether an automatic order will follow. */
export class SupplyLowPayload {
  @Matches(SERIAL_NUMBER_PATTERN)
  serial: string;

  @IsUUID()
  accountId: string;

  @nested(() => SupplyLevelSummary)
  supply: SupplyLevelSummary;

  @optionalNested(() => SupplyForecastSummary)
  forecast?: SupplyForecastSummary;

  @IsBoolean()
  autoReplenishment: boolean;

  @IsISO8601()
  readAt: string;
}

export const SupplyLowEvent = defineEvent({
  type: 'SupplyLow',
  version: 1,
  topic: Topics.TelemetryDevice,
  payloadClass: SupplyLowPayload,
  keyOf: (payload) => payload.serial,
});

/** No reading from a device for the account's silence period (once per silence). */
export class DeviceSilentPayload {
  @Matches(SERIAL_NUMBER_PATTERN)
  serial: string;

  @IsUUID()
  accountId: string;

  /** The last reading's time, or absent when the device never reported. */
  @IsOptional()
  @IsISO8601()
  lastReadAt?: string;

  @IsInt()
  @Min(1)
  silentAfterDays: number;

  @IsISO8601()
  detectedAt: string;
}

export const DeviceSilentEvent = defineEvent({
  type: 'DeviceSilent',
  version: 1,
  topic: Topics.TelemetryDevice,
  payloadClass: DeviceSilentPayload,
  keyOf: (payload) => payload.serial,
});

/** Why an automatic order is wanted: the reading and the derived figure that triggered it. */
export class ReplenishmentTrigger {
  @IsIn(['days-to-empty', 'below-threshold'])
  reason: 'days-to-empty' | 'below-threshold';

  @nested(() => SupplyLevelSummary)
  supply: SupplyLevelSummary;

  @optionalNested(() => SupplyForecastSummary)
  forecast?: SupplyForecastSummary;

  @IsISO8601()
  readAt: string;
}

/**
 * Telemetry asks ordering to place an automatic order (channel `auto`) for one supply of a
 * device of an account that opted in. `requestId` is the idempotency key: ordering places at
 * most one order per request, through the same rules as any order.
 */
export class ReplenishmentRequestedPayload {
  @IsUUID()
  requestId: string;

  @Matches(SERIAL_NUMBER_PATTERN)
  serial: string;

  @IsUUID()
  accountId: string;

  @Matches(REORDER_NUMBER_PATTERN)
  reorderNumber: string;

  /** Bottles (units) to order. */
  @IsInt()
  @Min(1)
  @Max(999)
  quantity: number;

  @nested(() => ReplenishmentTrigger)
  trigger: ReplenishmentTrigger;

  @IsISO8601()
  requestedAt: string;
}

export const ReplenishmentRequestedEvent = defineEvent({
  type: 'ReplenishmentRequested',
  version: 1,
  topic: Topics.TelemetryDevice,
  payloadClass: ReplenishmentRequestedPayload,
  keyOf: (payload) => payload.serial,
});

/** An account's replenishment settings, as changed by its customer or the helpdesk. */
export class ReplenishmentSettingsChangedPayload {
  @IsUUID()
  accountId: string;

  @IsBoolean()
  autoReplenishment: boolean;

  /** Days without a reading before a device counts as silent (default 3). */
  @IsInt()
  @Min(1)
  @Max(60)
  silentAfterDays: number;

  /** Percent below which a supply is low. */
  @IsInt()
  @Min(1)
  @Max(90)
  lowLevelPercent: number;

  /** Days of margin on top of the shipping lead time. */
  @IsInt()
  @Min(0)
  @Max(60)
  safetyDays: number;

  @nested(() => Actor)
  changedBy: Actor;

  @IsISO8601()
  changedAt: string;
}

export const ReplenishmentSettingsChangedEvent = defineEvent({
  type: 'ReplenishmentSettingsChanged',
  version: 1,
  topic: Topics.TelemetryAccount,
  payloadClass: ReplenishmentSettingsChangedPayload,
  keyOf: (payload) => payload.accountId,
});

export const TELEMETRY_EVENTS = [
  ReadingsAcceptedEvent,
  ForecastThresholdCrossedEvent,
  SupplyLowEvent,
  DeviceSilentEvent,
  ReplenishmentRequestedEvent,
  ReplenishmentSettingsChangedEvent,
] as const;
