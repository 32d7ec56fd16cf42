import {
  COARSE_SUPPLY_STATES,
  type CoarseSupplyState,
  REORDER_NUMBER_PATTERN,
  SERIAL_NUMBER_PATTERN,
  type TelemetryReading,
  type TelemetrySupplyReading,
} from '@metered/contracts';
import { textProblem } from '@metered/service-kit';

/**
 * The per-reading checks of an upload (the spec's "Bad input"): the shape of one reading, and
 * the rules a reading breaks on its own (a level above maxCapacity, a readAt in the future
 * beyond the clock skew). Rules that need the device (another account's serial, a counter
 * going backwards) are checked against stored state by the ingest service. A reading that
 * fails is refused alone, with the field and the reason.
 */
export interface ReadingRefusal {
  field: string;
  reason: string;
}

export type ReadingCheck =
  | { ok: true; reading: TelemetryReading }
  | { ok: false; refusal: ReadingRefusal; serial?: string; readAt?: string };

/** Refusal reasons, also the keys of the ops view's `refusedByReason`. */
export const REFUSAL_REASONS = {
  malformed: 'malformed reading',
  foreignSerial: "serial is not a device of the agent's account",
  counterBackwards: 'counter went backwards without a reset',
  levelAboveMax: 'level is above maxCapacity',
  future: 'readAt is in the future beyond the allowed clock skew',
  tooOld: 'readAt is more than a year old',
} as const;

export const MAX_SUPPLIES_PER_READING = 32;
const MAX_COUNTER = 1e12;
const YEAR_MS = 366 * 24 * 3600 * 1000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const wholeNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value);

function malformed(field: string, detail: string): ReadingRefusal {
  return { field, reason: `${REFUSAL_REASONS.malformed}: ${detail}` };
}

function text(
  value: unknown,
  field: string,
  max: number,
  required: boolean,
): ReadingRefusal | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '')
    return malformed(field, 'must be a non-empty string');
  if (value.length > max) return malformed(field, `must be at most ${max} characters`);
  const problem = textProblem(value, false);
  return problem ? malformed(field, problem) : undefined;
}

function checkSupply(supply: unknown, field: string): ReadingRefusal | TelemetrySupplyReading {
  if (!isObject(supply)) return malformed(field, 'must be an object');
  const known = [
    'supplyId',
    'description',
    'reorderNumber',
    'colorant',
    'level',
    'maxCapacity',
    'state',
  ];
  const unknown = Object.keys(supply).find((key) => !known.includes(key));
  if (unknown) return malformed(`${field}.${unknown}`, 'is not a field of a supply');
  const problem =
    text(supply.supplyId, `${field}.supplyId`, 60, true) ??
    text(supply.description, `${field}.description`, 200, true) ??
    text(supply.colorant, `${field}.colorant`, 40, false);
  if (problem) return problem;
  if (
    supply.reorderNumber !== undefined &&
    (typeof supply.reorderNumber !== 'string' || !REORDER_NUMBER_PATTERN.test(supply.reorderNumber))
  ) {
    return malformed(`${field}.reorderNumber`, 'is not a reorder number');
  }
  if (
    supply.state !== undefined &&
    !COARSE_SUPPLY_STATES.includes(supply.state as CoarseSupplyState)
  ) {
    return malformed(`${field}.state`, `must be one of ${COARSE_SUPPLY_STATES.join(', ')}`);
  }
  if (supply.level === undefined && supply.state === undefined) {
    return malformed(`${field}.level`, 'a supply needs a level or a state');
  }
  if (
    supply.level !== undefined &&
    (!wholeNumber(supply.level) || supply.level < -3 || supply.level > 1e9)
  ) {
    return malformed(`${field}.level`, 'must be a whole number ≥ -3 (RFC 3805)');
  }
  if (supply.level !== undefined && supply.maxCapacity === undefined) {
    return malformed(`${field}.maxCapacity`, 'is required with a level');
  }
  if (
    supply.maxCapacity !== undefined &&
    (!wholeNumber(supply.maxCapacity) ||
      supply.maxCapacity < -2 ||
      supply.maxCapacity === 0 ||
      supply.maxCapacity > 1e9)
  ) {
    return malformed(
      `${field}.maxCapacity`,
      'must be a positive whole number, -1 or -2 (RFC 3805)',
    );
  }
  const level = supply.level as number | undefined;
  const max = supply.maxCapacity as number | undefined;
  if (level !== undefined && max !== undefined && max > 0 && level > max) {
    return { field: `${field}.level`, reason: REFUSAL_REASONS.levelAboveMax };
  }
  return supply as unknown as TelemetrySupplyReading;
}

function checkCounters(counters: unknown): ReadingRefusal | undefined {
  if (counters === undefined) return undefined;
  if (!isObject(counters)) return malformed('counters', 'must be an object');
  for (const [name, value] of Object.entries(counters)) {
    if (!['total', 'mono', 'colour'].includes(name))
      return malformed(`counters.${name}`, 'is not a counter');
    if (!wholeNumber(value) || value < 0 || value > MAX_COUNTER) {
      return malformed(`counters.${name}`, 'must be a whole number ≥ 0');
    }
  }
  return undefined;
}

/** One reading of a batch, on its own. `now` is the server's time of receipt. */
export function checkReading(value: unknown, now: Date, clockSkewMs: number): ReadingCheck {
  if (!isObject(value)) return { ok: false, refusal: malformed('', 'must be an object') };
  const serial = typeof value.serial === 'string' ? value.serial : undefined;
  const readAt = typeof value.readAt === 'string' ? value.readAt : undefined;
  const refuse = (refusal: ReadingRefusal): ReadingCheck => ({
    ok: false,
    refusal,
    serial,
    readAt,
  });
  const known = ['serial', 'readAt', 'counters', 'counterReset', 'supplies'];
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown) return refuse(malformed(unknown, 'is not a field of a reading'));
  if (!serial || !SERIAL_NUMBER_PATTERN.test(serial))
    return refuse(malformed('serial', 'is not a serial number'));
  if (!readAt || !ISO_INSTANT.test(readAt) || Number.isNaN(Date.parse(readAt))) {
    return refuse(malformed('readAt', 'must be an ISO 8601 time with a zone'));
  }
  const at = Date.parse(readAt);
  if (at > now.getTime() + clockSkewMs)
    return refuse({ field: 'readAt', reason: REFUSAL_REASONS.future });
  if (at < now.getTime() - YEAR_MS)
    return refuse({ field: 'readAt', reason: REFUSAL_REASONS.tooOld });
  const counterProblem = checkCounters(value.counters);
  if (counterProblem) return refuse(counterProblem);
  if (value.counterReset !== undefined && typeof value.counterReset !== 'boolean') {
    return refuse(malformed('counterReset', 'must be true or false'));
  }
  if (!Array.isArray(value.supplies)) return refuse(malformed('supplies', 'must be an array'));
  if (value.supplies.length > MAX_SUPPLIES_PER_READING) {
    return refuse(malformed('supplies', `at most ${MAX_SUPPLIES_PER_READING} supplies`));
  }
  const supplies: TelemetrySupplyReading[] = [];
  const ids = new Set<string>();
  for (const [index, supply] of value.supplies.entries()) {
    const checked = checkSupply(supply, `supplies.${index}`);
    if ('reason' in checked) return refuse(checked);
    if (ids.has(checked.supplyId))
      return refuse(malformed(`supplies.${index}.supplyId`, 'appears twice'));
    ids.add(checked.supplyId);
    supplies.push(checked);
  }
  // The reading as stored: readAt normalised to UTC, so the same moment is the same reading.
  return {
    ok: true,
    reading: {
      serial,
      readAt: new Date(at).toISOString(),
      ...(value.counters ? { counters: value.counters as TelemetryReading['counters'] } : {}),
      ...(value.counterReset ? { counterReset: true } : {}),
      supplies,
    },
  };
}

/** The total counter, where the reading has one (total, else mono + colour). */
export function totalPagesOf(reading: TelemetryReading): number | undefined {
  const counters = reading.counters;
  if (!counters) return undefined;
  if (counters.total !== undefined) return counters.total;
  if (counters.mono !== undefined || counters.colour !== undefined) {
    return (counters.mono ?? 0) + (counters.colour ?? 0);
  }
  return undefined;
}
