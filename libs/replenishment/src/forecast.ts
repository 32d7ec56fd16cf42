import type { ForecastConfidence, ForecastState } from '@metered/contracts';
import type { DeviceTelemetryState } from './device-state';
import { theilSen } from './robust-fit';
import type { SupplyHistory } from './supply-history';

export const DAY_MS = 86_400_000;
export const DEFAULT_SILENT_AFTER_DAYS = 3;
/** Least span of a cartridge's level history (or of page counters) before forecasting. */
export const DEFAULT_MIN_HISTORY_DAYS = 3;
/** Days to empty are capped here: an idle device does not run out "in 40 years". */
export const MAX_DAYS_TO_EMPTY = 999;

/** Days to empty of one device supply, or why there is none. */
export interface SupplyForecast {
  supplyId: string;
  reorderNumber?: string;
  state: ForecastState;
  /**
   * Days until empty from `asOf` (the supply's latest reading), when `state` is `forecast`;
   * a `stale` forecast keeps the figure of its last reading.
   */
  daysToEmpty?: number;
  confidence?: ForecastConfidence;
  /** The reading time the forecast is based on (ISO). */
  asOf: string;
  /** What the days to empty come from: the level history or page counters × rated yield. */
  basis?: 'level' | 'pages';
  /** Share of a full cartridge used per day (0–1), where measured: feeds suggested quantities. */
  dailyUse?: number;
  /** Why there is no (or no fresh) forecast, in words for people. */
  why?: string;
}

export interface ForecastOptions {
  /** Days without a reading before the device is silent and its forecasts stale (default 3). */
  silentAfterDays?: number;
  /** Least history span in days before forecasting (default 3). */
  minHistoryDays?: number;
  /** Pages a full cartridge of this supply's item prints: lets page counters forecast coarse supplies. */
  ratedYieldPages?: number;
}

/** True when the device has not reported for `silentAfterDays`; a device that never reported is not (yet) silent. */
export function isSilent(
  state: Pick<DeviceTelemetryState, 'lastReadAt'> | undefined,
  now: Date,
  silentAfterDays: number,
): boolean {
  if (!state) return false;
  return now.getTime() - Date.parse(state.lastReadAt) >= silentAfterDays * DAY_MS;
}

/** Days to empty as of `now` rather than as of the forecast's reading (never below 0). */
export function daysToEmptyAt(forecast: SupplyForecast, now: Date): number | undefined {
  if (forecast.daysToEmpty === undefined) return undefined;
  const elapsed = (now.getTime() - Date.parse(forecast.asOf)) / DAY_MS;
  return Math.max(0, forecast.daysToEmpty - Math.max(0, elapsed));
}

/** The forecast of one supply of the device at `now`. */
export function forecastSupply(
  state: DeviceTelemetryState,
  supplyId: string,
  now: Date,
  options: ForecastOptions = {},
): SupplyForecast {
  const history = state.supplies.find((supply) => supply.supplyId === supplyId);
  if (!history) {
    return {
      supplyId,
      state: 'learning',
      asOf: state.lastReadAt,
      why: 'no reading of this supply yet',
    };
  }
  const fresh = freshForecast(state, history, options);
  if (!isSilent(state, now, options.silentAfterDays ?? DEFAULT_SILENT_AFTER_DAYS)) return fresh;
  return {
    ...fresh,
    state: 'stale',
    ...(fresh.confidence ? { confidence: 'low' as const } : {}),
    why: `no reading since ${state.lastReadAt}`,
  };
}

/** Every supply the device reported, each with its rated yield where the caller knows it. */
export function forecastDevice(
  state: DeviceTelemetryState,
  now: Date,
  options: Omit<ForecastOptions, 'ratedYieldPages'> & {
    ratedYieldPages?: (supply: { supplyId: string; reorderNumber?: string }) => number | undefined;
  } = {},
): SupplyForecast[] {
  return state.supplies.map((supply) =>
    forecastSupply(state, supply.supplyId, now, {
      ...options,
      ratedYieldPages: options.ratedYieldPages?.(supply),
    }),
  );
}

function freshForecast(
  state: DeviceTelemetryState,
  history: SupplyHistory,
  options: ForecastOptions,
): SupplyForecast {
  const base = {
    supplyId: history.supplyId,
    ...(history.reorderNumber ? { reorderNumber: history.reorderNumber } : {}),
    asOf: new Date(history.latest.at).toISOString(),
  };
  const minDays = options.minHistoryDays ?? DEFAULT_MIN_HISTORY_DAYS;
  const { latest } = history;
  if ((latest.level === 0 && (latest.maxCapacity ?? 0) > 0) || latest.state === 'empty') {
    return { ...base, state: 'forecast', daysToEmpty: 0, confidence: 'high', basis: 'level' };
  }
  const byLevel = levelForecast(history, minDays);
  if (byLevel) return { ...base, state: 'forecast', ...byLevel };
  const byPages = pageForecast(state, history, minDays, options.ratedYieldPages);
  if (byPages && 'daysToEmpty' in byPages) return { ...base, state: 'forecast', ...byPages };

  const measured = history.points.filter((point) => point.measured);
  if (measured.length > 0) {
    return {
      ...base,
      state: 'learning',
      why: `needs two levels ${minDays} days apart on this cartridge`,
    };
  }
  if (byPages && 'why' in byPages) return { ...base, state: 'learning', why: byPages.why };
  const onlyCoarse = latest.state !== undefined && (latest.level === undefined || latest.level < 0);
  return {
    ...base,
    state: 'cannot-forecast',
    why: onlyCoarse
      ? 'the device reports only low / ok / empty'
      : 'the device reports no level (RFC 3805 unknown or "some remaining")',
  };
}

/** Days to empty from the current cartridge's levels: a robust line through fill over time. */
function levelForecast(
  history: SupplyHistory,
  minDays: number,
): Pick<SupplyForecast, 'daysToEmpty' | 'confidence' | 'basis' | 'dailyUse'> | undefined {
  const measured = history.points.filter((point) => point.measured);
  if (measured.length < 2) return undefined;
  const last = measured[measured.length - 1];
  const spanDays = (last.at - measured[0].at) / DAY_MS;
  const distinct = new Set(measured.map((point) => point.fill)).size;
  if (distinct < 2 || spanDays < minDays) return undefined;
  const line = theilSen(
    measured.map((point) => ({ x: (point.at - last.at) / DAY_MS, y: point.fill })),
  );
  if (!line || line.slope >= 0) return undefined;
  const dailyUse = -line.slope;
  // Devices report a level rounded up to their step (a cartridge shows its last step until it
  // is really empty): the true fill is half a step below on average, and never above the latest.
  const fillNow = Math.max(0, Math.min(1, line.intercept, last.fill) - stepOf(measured) / 2);
  const daysToEmpty = Math.min(MAX_DAYS_TO_EMPTY, fillNow / dailyUse);
  return {
    daysToEmpty: round1(daysToEmpty),
    confidence: confidenceOf(spanDays, distinct, line.spread),
    basis: 'level',
    dailyUse,
  };
}

/** The device's level step: the smallest difference between two distinct reported fills. */
function stepOf(points: readonly { fill: number }[]): number {
  const fills = [...new Set(points.map((point) => point.fill))].sort((a, b) => a - b);
  let step = 1;
  for (let index = 1; index < fills.length; index += 1)
    step = Math.min(step, fills[index] - fills[index - 1]);
  return fills.length > 1 ? step : 0;
}

function confidenceOf(
  spanDays: number,
  distinctLevels: number,
  spread: number,
): ForecastConfidence {
  if (spanDays >= 14 && distinctLevels >= 4 && spread <= 0.03) return 'high';
  if (spanDays >= 7 && distinctLevels >= 3 && spread <= 0.06) return 'medium';
  return 'low';
}

/**
 * Days to empty from pages: the rated yield minus the pages printed since the cartridge went
 * in, at the device's recent pages per day. Needs a seen swap (its page counter) and counters
 * spanning `minDays`. Returns why not, when a rated yield is known but the rest is missing.
 */
function pageForecast(
  state: DeviceTelemetryState,
  history: SupplyHistory,
  minDays: number,
  ratedYieldPages: number | undefined,
):
  | Pick<SupplyForecast, 'daysToEmpty' | 'confidence' | 'basis' | 'dailyUse'>
  | { why: string }
  | undefined {
  if (!ratedYieldPages || ratedYieldPages <= 0) return undefined;
  const startPages = history.previous ? history.points[0]?.pages : undefined;
  if (startPages === undefined) return { why: 'counting pages from the next cartridge swap' };
  const counted = state.counters.filter((point) => point.total !== undefined);
  if (counted.length < 2) return { why: 'needs page counters over a few days' };
  const last = counted[counted.length - 1];
  const spanDays = (last.at - counted[0].at) / DAY_MS;
  if (spanDays < minDays) return { why: `needs page counters over ${minDays} days` };
  const line = theilSen(
    counted.map((point) => ({ x: (point.at - last.at) / DAY_MS, y: point.total ?? 0 })),
  );
  if (!line || line.slope <= 0) return { why: 'no pages printed lately' };
  const printed = Math.max(0, (last.total ?? startPages) - startPages);
  const remaining = Math.max(0, ratedYieldPages - printed);
  return {
    daysToEmpty: round1(Math.min(MAX_DAYS_TO_EMPTY, remaining / line.slope)),
    confidence: spanDays >= 14 ? 'medium' : 'low',
    basis: 'pages',
    dailyUse: line.slope / ratedYieldPages,
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
