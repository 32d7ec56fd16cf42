import type { CoarseSupplyState, TelemetrySupplyReading } from '@metered/contracts/reference';
import { fillOf } from './supply-fill';
import { thinPoints } from './thin-points';

/** One reading of a supply that says how full it is (a level out of a capacity, or a coarse state). */
export interface SupplyPoint {
  at: number;
  /** 0–1. */
  fill: number;
  /** True when `fill` came from a level (not a coarse state): only those make days to empty. */
  measured: boolean;
  /** The device's total page counter at that reading, when reported. */
  pages?: number;
}

/** A cartridge that a swap ended: what page-based forecasts learn a real yield from. */
export interface FinishedCartridge {
  /** Unknown for the first cartridge seen (its start was before the first reading). */
  startedAt?: number;
  endedAt: number;
  startPages?: number;
  endPages?: number;
}

export interface SupplyHistory {
  supplyId: string;
  description: string;
  reorderNumber?: string;
  colorant?: string;
  /** The latest reading of this supply, as the device said it (special values kept). */
  latest: { at: number; level?: number; maxCapacity?: number; state?: CoarseSupplyState };
  /** The current cartridge's points, time order, thinned; the first is its start once a swap was seen. */
  points: SupplyPoint[];
  /** The last point of the previous cartridge; present once a swap was seen. */
  previous?: SupplyPoint;
  /** Start times of the latest cartridges (most recent last). */
  swaps: number[];
  finished: FinishedCartridge[];
}

const KEPT_SWAPS = 8;
const KEPT_FINISHED = 4;

/**
 * Records one supply of an accepted reading; returns the swap time when this reading reveals
 * a new cartridge (a jump up of the fill between two readings in time order).
 */
export function recordSupply(
  supplies: SupplyHistory[],
  supply: TelemetrySupplyReading,
  at: number,
  pages: number | undefined,
  limits: { supplyPoints: number; supplies: number; swapJump: number },
): number | undefined {
  const history = historyFor(supplies, supply, at, limits.supplies);
  if (at >= history.latest.at) {
    history.latest = { at, ...said(supply) };
    history.description = supply.description;
    if (supply.reorderNumber) history.reorderNumber = supply.reorderNumber;
    if (supply.colorant) history.colorant = supply.colorant;
  }
  const fill = fillOf(supply);
  if (fill === undefined) return undefined;
  const point: SupplyPoint = {
    at,
    fill,
    measured: supply.level !== undefined && supply.level >= 0,
  };
  if (pages !== undefined) point.pages = pages;
  return insertPoint(history, point, limits);
}

function historyFor(
  supplies: SupplyHistory[],
  supply: TelemetrySupplyReading,
  at: number,
  limit: number,
): SupplyHistory {
  const existing = supplies.find((candidate) => candidate.supplyId === supply.supplyId);
  if (existing) return existing;
  if (supplies.length >= limit) {
    const stalest = supplies.reduce((a, b) => (b.latest.at < a.latest.at ? b : a));
    supplies.splice(supplies.indexOf(stalest), 1);
  }
  const created: SupplyHistory = {
    supplyId: supply.supplyId,
    description: supply.description,
    latest: { at },
    points: [],
    swaps: [],
    finished: [],
  };
  supplies.push(created);
  return created;
}

function said(supply: TelemetrySupplyReading): Omit<SupplyHistory['latest'], 'at'> {
  const kept: Omit<SupplyHistory['latest'], 'at'> = {};
  if (supply.level !== undefined) kept.level = supply.level;
  if (supply.maxCapacity !== undefined) kept.maxCapacity = supply.maxCapacity;
  if (supply.state !== undefined) kept.state = supply.state;
  return kept;
}

/**
 * Inserts the point in time order and re-finds the current cartridge: it starts after the
 * last jump up. A later start than before is a new swap; an earlier one (a late reading of
 * the new cartridge) only moves the known swap back.
 */
function insertPoint(
  history: SupplyHistory,
  point: SupplyPoint,
  limits: { supplyPoints: number; swapJump: number },
): number | undefined {
  const sequence = history.previous ? [history.previous, ...history.points] : [...history.points];
  // Older than the previous cartridge's last point: history already let go of.
  if (history.previous && point.at < history.previous.at) return undefined;
  const index = sequence.findIndex((existing) => existing.at > point.at);
  if (index === -1) sequence.push(point);
  else sequence.splice(index, 0, point);

  let jump = -1;
  for (let candidate = sequence.length - 1; candidate >= 1; candidate -= 1) {
    if (sequence[candidate].fill - sequence[candidate - 1].fill >= limits.swapJump) {
      jump = candidate;
      break;
    }
  }
  const oldStart = history.previous ? history.points[0] : undefined;
  if (jump === -1) {
    history.points = thinPoints(
      history.previous ? sequence.slice(1) : sequence,
      limits.supplyPoints,
    );
    return undefined;
  }
  const newStart = sequence[jump];
  const ended = sequence[jump - 1];
  history.previous = ended;
  history.points = thinPoints(sequence.slice(jump), limits.supplyPoints);
  if (oldStart && newStart.at < oldStart.at) {
    history.swaps[history.swaps.length - 1] = newStart.at;
    return undefined;
  }
  if (oldStart && newStart.at === oldStart.at) return undefined;
  history.finished = [
    ...history.finished,
    {
      ...(oldStart ? { startedAt: oldStart.at } : {}),
      endedAt: ended.at,
      ...(oldStart?.pages !== undefined ? { startPages: oldStart.pages } : {}),
      ...(ended.pages !== undefined ? { endPages: ended.pages } : {}),
    },
  ].slice(-KEPT_FINISHED);
  history.swaps = [...history.swaps, newStart.at].slice(-KEPT_SWAPS);
  return newStart.at;
}
