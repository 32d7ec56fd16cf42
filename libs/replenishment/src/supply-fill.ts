import type { CoarseSupplyState, TelemetrySupplyReading } from '@metered/contracts/reference';

/**
 * How full a supply is, 0–1, from what the device said: a level out of a known capacity, or
 * failing that a coarse state. RFC 3805 special values (-1 other, -2 unknown, -3 some
 * remaining) and unknown capacities give none: keep what the device said, derive nothing.
 */
export function fillOf(supply: {
  level?: number;
  maxCapacity?: number;
  state?: CoarseSupplyState;
}): number | undefined {
  const level = numericLevelOf(supply);
  if (level !== undefined) return level.level / level.maxCapacity;
  return supply.state === undefined ? undefined : COARSE_FILL[supply.state];
}

/** The level and capacity when both are real numbers (no special values). */
export function numericLevelOf(supply: {
  level?: number;
  maxCapacity?: number;
}): { level: number; maxCapacity: number } | undefined {
  const { level, maxCapacity } = supply;
  if (level === undefined || maxCapacity === undefined) return undefined;
  if (level < 0 || maxCapacity <= 0) return undefined;
  return { level: Math.min(level, maxCapacity), maxCapacity };
}

/** 0–100 with one decimal, only where level and maxCapacity give one. */
export function percentOf(
  supply: Pick<TelemetrySupplyReading, 'level' | 'maxCapacity'>,
): number | undefined {
  const numeric = numericLevelOf(supply);
  if (!numeric) return undefined;
  return Math.round((numeric.level / numeric.maxCapacity) * 1000) / 10;
}

/**
 * What a coarse state stands for when detecting swaps: only a move up to `ok` from `low` or
 * `empty` is a jump. Not used for days to empty (a coarse state is no level).
 */
const COARSE_FILL: Record<CoarseSupplyState, number> = { empty: 0, low: 0.1, ok: 1 };
