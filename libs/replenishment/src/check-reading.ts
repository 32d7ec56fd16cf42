import {
  COARSE_SUPPLY_STATES,
  CoarseSupplyState,
  normaliseIdentifier,
  REORDER_NUMBER_PATTERN,
  SERIAL_NUMBER_PATTERN,
  SUPPLY_LEVEL_SOME_REMAINING,
  SUPPLY_LEVEL_UNKNOWN,
  TelemetryReading,
  TelemetrySupplyReading,
} from '@metered/contracts/reference';

/**
 * Shape checks of one reading as an agent uploaded it. Each reading of a batch is checked on
 * its own, so a bad one is refused alone (field and reason) and the rest are kept. Whether the
 * serial belongs to the agent's account is the service's check, not this one.
 */
export interface CheckReadingContext {
  /** The service's clock. */
  now: Date;
  /** How far a device's clock may run ahead of ours before its reading is refused. */
  maxClockSkewMs: number;
}

export type CheckReadingResult =
  { ok: true; reading: TelemetryReading } | { ok: false; field: string; reason: string };

/** Most supplies one reading may carry (the events carry at most 32). */
export const MAX_SUPPLIES_PER_READING = 32;
export const MAX_SUPPLY_ID_LENGTH = 60;
export const MAX_DESCRIPTION_LENGTH = 200;
export const MAX_COLORANT_LENGTH = 40;
/** Readings older than this are refused: no device history goes back before 2000. */
export const EARLIEST_READ_AT = Date.UTC(2000, 0, 1);
/** RFC 3805 levels and capacities are Integer32. */
const MAX_INT32 = 2 ** 31 - 1;
/** ISO 8601 date-time with an explicit zone (Z or ±hh:mm), as the agent must send it. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

class Refusal extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/**
 * Checks one raw reading and returns a clean copy: identifiers normalised (trimmed,
 * upper-cased), `readAt` canonical (`toISOString`, so the same instant written two ways is the
 * same reading), unknown fields dropped.
 */
export function checkReading(raw: unknown, ctx: CheckReadingContext): CheckReadingResult {
  try {
    return { ok: true, reading: cleanReading(raw, ctx) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, field: error.field, reason: error.reason };
    throw error;
  }
}

function cleanReading(raw: unknown, ctx: CheckReadingContext): TelemetryReading {
  const input = objectAt(raw, 'reading');
  const reading: TelemetryReading = {
    serial: serialOf(input.serial),
    readAt: readAtOf(input.readAt, ctx),
    supplies: suppliesOf(input.supplies),
  };
  if (input.counters !== undefined) reading.counters = countersOf(input.counters);
  if (input.counterReset !== undefined) {
    if (typeof input.counterReset !== 'boolean') refuse('counterReset', 'must be true or false');
    if (input.counterReset) reading.counterReset = true;
  }
  return reading;
}

function serialOf(value: unknown): string {
  if (typeof value !== 'string') refuse('serial', 'is required (a string)');
  const serial = normaliseIdentifier(value);
  if (!SERIAL_NUMBER_PATTERN.test(serial)) refuse('serial', 'must be 8-15 letters and digits');
  return serial;
}

function readAtOf(value: unknown, ctx: CheckReadingContext): string {
  if (typeof value !== 'string') refuse('readAt', 'is required (an ISO 8601 date-time)');
  if (!ISO_DATE_TIME.test(value)) refuse('readAt', 'must be an ISO 8601 date-time with a zone');
  const at = Date.parse(value);
  if (Number.isNaN(at)) refuse('readAt', 'is not a valid date-time');
  if (at > ctx.now.getTime() + ctx.maxClockSkewMs) {
    refuse('readAt', 'is in the future beyond the allowed clock skew');
  }
  if (at < EARLIEST_READ_AT) refuse('readAt', 'is before 2000-01-01');
  return new Date(at).toISOString();
}

function countersOf(value: unknown): NonNullable<TelemetryReading['counters']> {
  const input = objectAt(value, 'counters');
  const counters: NonNullable<TelemetryReading['counters']> = {};
  for (const key of ['total', 'mono', 'colour'] as const) {
    if (input[key] === undefined) continue;
    counters[key] = countOf(input[key], `counters.${key}`);
  }
  return counters;
}

function countOf(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    refuse(field, 'must be a non-negative integer');
  }
  return value;
}

function suppliesOf(value: unknown): TelemetrySupplyReading[] {
  if (!Array.isArray(value)) refuse('supplies', 'is required (an array)');
  if (value.length > MAX_SUPPLIES_PER_READING) {
    refuse('supplies', `must have at most ${MAX_SUPPLIES_PER_READING} entries`);
  }
  const seen = new Set<string>();
  return value.map((entry, index) => {
    const supply = supplyOf(entry, `supplies[${index}]`);
    if (seen.has(supply.supplyId)) refuse(`supplies[${index}].supplyId`, 'is repeated');
    seen.add(supply.supplyId);
    return supply;
  });
}

function supplyOf(value: unknown, path: string): TelemetrySupplyReading {
  const input = objectAt(value, path);
  const supply: TelemetrySupplyReading = {
    supplyId: boundedText(input.supplyId, `${path}.supplyId`, MAX_SUPPLY_ID_LENGTH, 1),
    description: boundedText(input.description, `${path}.description`, MAX_DESCRIPTION_LENGTH, 0),
  };
  if (input.reorderNumber !== undefined) {
    if (typeof input.reorderNumber !== 'string')
      refuse(`${path}.reorderNumber`, 'must be a string');
    const reorderNumber = normaliseIdentifier(input.reorderNumber);
    if (!REORDER_NUMBER_PATTERN.test(reorderNumber)) {
      refuse(`${path}.reorderNumber`, 'is not a valid reorder number');
    }
    supply.reorderNumber = reorderNumber;
  }
  if (input.colorant !== undefined) {
    supply.colorant = boundedText(input.colorant, `${path}.colorant`, MAX_COLORANT_LENGTH, 1);
  }
  if (input.state !== undefined) supply.state = coarseStateOf(input.state, `${path}.state`);
  if (input.maxCapacity !== undefined) {
    supply.maxCapacity = integerOf(input.maxCapacity, `${path}.maxCapacity`);
    if (supply.maxCapacity === 0 || supply.maxCapacity < SUPPLY_LEVEL_UNKNOWN) {
      refuse(`${path}.maxCapacity`, 'must be positive, or -1 (other) or -2 (unknown)');
    }
  }
  if (input.level !== undefined) {
    supply.level = integerOf(input.level, `${path}.level`);
    if (supply.level < SUPPLY_LEVEL_SOME_REMAINING) {
      refuse(
        `${path}.level`,
        'must be 0 or more, or -1 (other), -2 (unknown), -3 (some remaining)',
      );
    }
    if (supply.maxCapacity === undefined) {
      refuse(`${path}.maxCapacity`, 'is required with a level');
    }
    if (supply.level > 0 && supply.maxCapacity > 0 && supply.level > supply.maxCapacity) {
      refuse(`${path}.level`, 'is above maxCapacity');
    }
  }
  if (supply.level === undefined && supply.state === undefined) {
    refuse(`${path}.level`, 'is required (or a coarse state: ok, low, empty)');
  }
  return supply;
}

function coarseStateOf(value: unknown, field: string): CoarseSupplyState {
  if (!COARSE_SUPPLY_STATES.includes(value as CoarseSupplyState)) {
    refuse(field, `must be one of ${COARSE_SUPPLY_STATES.join(', ')}`);
  }
  return value as CoarseSupplyState;
}

function integerOf(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value > MAX_INT32) {
    refuse(field, 'must be an integer');
  }
  return value;
}

function boundedText(value: unknown, field: string, max: number, min: number): string {
  if (typeof value !== 'string') refuse(field, 'is required (a string)');
  const text = value.trim();
  if (text.length < min) refuse(field, 'must not be empty');
  if (text.length > max) refuse(field, `must be at most ${max} characters`);
  if (CONTROL_CHARACTERS.test(text)) refuse(field, 'must not contain control characters');
  return text;
}

function objectAt(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    refuse(field, 'must be an object');
  }
  return value as Record<string, unknown>;
}

function refuse(field: string, reason: string): never {
  throw new Refusal(field, reason);
}
