import type { TelemetryReading } from '@metered/contracts/reference';
import { thinPoints } from './thin-points';

/** Page counters (prtMarkerLifeCount) at one moment; epoch ms. */
export interface CounterPoint {
  at: number;
  total?: number;
  mono?: number;
  colour?: number;
}

const COUNTER_KEYS = ['total', 'mono', 'colour'] as const;

interface CounterState {
  counters: CounterPoint[];
  counterResetAt?: number;
}

/**
 * Counters only grow, except after a service reset the agent flags with `counterReset`. A
 * reading in between two kept ones must fit between them; one from before the latest reset
 * belongs to another counting and is not compared (nor kept).
 */
export function refusedCounter(
  state: CounterState,
  reading: TelemetryReading,
  at: number,
): { field: string; reason: string } | undefined {
  if (!reading.counters || reading.counterReset) return undefined;
  if (state.counterResetAt !== undefined && at < state.counterResetAt) return undefined;
  for (const key of COUNTER_KEYS) {
    const value = reading.counters[key];
    if (value === undefined) continue;
    const before = lastWith(state.counters, key, (point) => point.at < at);
    if (before !== undefined && value < before) {
      return { field: `counters.${key}`, reason: 'goes backwards without a counter reset' };
    }
    const after = firstWith(state.counters, key, (point) => point.at > at);
    if (after !== undefined && value > after) {
      return {
        field: `counters.${key}`,
        reason: 'is above a later reading without a counter reset',
      };
    }
  }
  return undefined;
}

/** Keeps the reading's counters in time order (after `refusedCounter` let it through). */
export function recordCounters(
  state: CounterState,
  reading: TelemetryReading,
  at: number,
  limit: number,
): void {
  if (reading.counterReset && (state.counterResetAt === undefined || at > state.counterResetAt)) {
    state.counterResetAt = at;
    state.counters = state.counters.filter((point) => point.at >= at);
  }
  if (!reading.counters || Object.keys(reading.counters).length === 0) return;
  if (state.counterResetAt !== undefined && at < state.counterResetAt) return;
  const point: CounterPoint = { at, ...reading.counters };
  const index = state.counters.findIndex((existing) => existing.at > at);
  if (index === -1) state.counters.push(point);
  else state.counters.splice(index, 0, point);
  state.counters = thinPoints(state.counters, limit);
}

function lastWith(
  points: readonly CounterPoint[],
  key: (typeof COUNTER_KEYS)[number],
  where: (point: CounterPoint) => boolean,
): number | undefined {
  for (let index = points.length - 1; index >= 0; index -= 1) {
    const point = points[index];
    if (where(point) && point[key] !== undefined) return point[key];
  }
  return undefined;
}

function firstWith(
  points: readonly CounterPoint[],
  key: (typeof COUNTER_KEYS)[number],
  where: (point: CounterPoint) => boolean,
): number | undefined {
  for (const point of points) {
    if (where(point) && point[key] !== undefined) return point[key];
  }
  return undefined;
}
