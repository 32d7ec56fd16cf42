import type { CoarseSupplyState, TelemetryReading } from '@metered/contracts/reference';
import { CounterPoint, recordCounters, refusedCounter } from './counter-history';
import { recordSupply, SupplyHistory } from './supply-history';

/**
 * What the telemetry service keeps per device: one plain JSON document per serial (numbers,
 * strings, arrays; times as epoch milliseconds inside, ISO strings at the edges). Bounded
 * whatever the device sends: recent read times for duplicate detection, a thinned counter
 * history, and per supply the current cartridge's thinned points.
 */
export interface DeviceTelemetryState {
  /** Document shape version, for a later migration. */
  version: 1;
  serial: string;
  /** Earliest and latest accepted readAt (ISO). */
  firstReadAt: string;
  lastReadAt: string;
  /** Accepted readings, all time (duplicates and refusals not counted). */
  readings: number;
  /** The most recent read times (epoch ms, ascending): a reading at one of these is a duplicate. */
  readTimes: number[];
  /** Page counters since the last service reset, time order, thinned. */
  counters: CounterPoint[];
  /** The latest counter reset (epoch ms): earlier counters are another counting and are ignored. */
  counterResetAt?: number;
  supplies: SupplyHistory[];
}

export type { CounterPoint } from './counter-history';
export type { SupplyHistory, SupplyPoint, FinishedCartridge } from './supply-history';

export interface StateLimits {
  /** Read times remembered for duplicate detection; an older reading is refused. */
  readTimes: number;
  /** Counter points kept (thinned beyond). */
  counterPoints: number;
  /** Level points kept per supply for the current cartridge (thinned beyond). */
  supplyPoints: number;
  /** Supplies kept per device (the least recently reported goes first). */
  supplies: number;
  /** A rise of the fill (0–1) by at least this much is a cartridge swap. */
  swapJump: number;
}

export const DEFAULT_STATE_LIMITS: StateLimits = {
  readTimes: 256,
  counterPoints: 48,
  supplyPoints: 48,
  supplies: 32,
  swapJump: 0.15,
};

export interface RefusedReading {
  reading: TelemetryReading;
  field: string;
  reason: string;
}

export interface DetectedSwap {
  supplyId: string;
  reorderNumber?: string;
  /** The first reading of the new cartridge (ISO). */
  readAt: string;
}

export interface ApplyReadingsResult {
  state: DeviceTelemetryState;
  /** New readings, time order. */
  accepted: TelemetryReading[];
  /** Readings already applied (same serial and readAt): no effect. */
  duplicates: TelemetryReading[];
  refused: RefusedReading[];
  /** Cartridge swaps these readings revealed (each uses one unit of onsite stock). */
  swaps: DetectedSwap[];
}

/**
 * Applies readings of ONE device (already passed through `checkReading`) to its state, in
 * any order and with repeats: they land in time order, the same readAt twice is a duplicate,
 * a counter going backwards without `counterReset` is refused (alone). The state passed in
 * is not modified; a new one is returned.
 */
export function applyReadings(
  current: DeviceTelemetryState | undefined,
  readings: readonly TelemetryReading[],
  limits: StateLimits = DEFAULT_STATE_LIMITS,
): ApplyReadingsResult {
  const result: ApplyReadingsResult = {
    state: current ? cloneState(current) : (undefined as unknown as DeviceTelemetryState),
    accepted: [],
    duplicates: [],
    refused: [],
    swaps: [],
  };
  const ordered = readings
    .map((reading, index) => ({ reading, index, at: Date.parse(reading.readAt) }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  for (const { reading, at } of ordered) {
    if (!result.state) result.state = emptyDeviceState(reading.serial, reading.readAt);
    applyOne(result, reading, at, limits);
  }
  return result;
}

/** A device's state before its first reading. */
export function emptyDeviceState(serial: string, firstReadAt: string): DeviceTelemetryState {
  return {
    version: 1,
    serial,
    firstReadAt,
    lastReadAt: firstReadAt,
    readings: 0,
    readTimes: [],
    counters: [],
    supplies: [],
  };
}

/** The latest thing a device said about a supply, at the edges as ISO. */
export function latestOf(
  state: DeviceTelemetryState,
  supplyId: string,
): { readAt: string; level?: number; maxCapacity?: number; state?: CoarseSupplyState } | undefined {
  const history = state.supplies.find((supply) => supply.supplyId === supplyId);
  if (!history) return undefined;
  const { at, ...said } = history.latest;
  return { readAt: new Date(at).toISOString(), ...said };
}

function applyOne(
  result: ApplyReadingsResult,
  reading: TelemetryReading,
  at: number,
  limits: StateLimits,
): void {
  const state = result.state;
  const refuse = (field: string, reason: string): void => {
    result.refused.push({ reading, field, reason });
  };
  if (reading.serial !== state.serial) return refuse('serial', 'belongs to another device');
  if (Number.isNaN(at)) return refuse('readAt', 'is not a valid date-time');
  const position = sortedIndex(state.readTimes, at);
  if (state.readTimes[position] === at) {
    result.duplicates.push(reading);
    return;
  }
  if (position === 0 && state.readTimes.length >= limits.readTimes) {
    return refuse('readAt', 'is older than the history kept for this device');
  }
  const counterRefusal = refusedCounter(state, reading, at);
  if (counterRefusal) return refuse(counterRefusal.field, counterRefusal.reason);

  state.readTimes.splice(position, 0, at);
  if (state.readTimes.length > limits.readTimes) state.readTimes.shift();
  state.readings += 1;
  if (at < Date.parse(state.firstReadAt) || state.readings === 1)
    state.firstReadAt = reading.readAt;
  if (at > Date.parse(state.lastReadAt) || state.readings === 1) state.lastReadAt = reading.readAt;
  recordCounters(state, reading, at, limits.counterPoints);
  const pages = reading.counters?.total;
  for (const supply of reading.supplies) {
    const swapAt = recordSupply(state.supplies, supply, at, pages, limits);
    if (swapAt !== undefined) {
      result.swaps.push({
        supplyId: supply.supplyId,
        ...(supply.reorderNumber ? { reorderNumber: supply.reorderNumber } : {}),
        readAt: new Date(swapAt).toISOString(),
      });
    }
  }
  result.accepted.push(reading);
}

/** First index whose value is ≥ `value` (ascending array). */
export function sortedIndex(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function cloneState(state: DeviceTelemetryState): DeviceTelemetryState {
  return JSON.parse(JSON.stringify(state)) as DeviceTelemetryState;
}
