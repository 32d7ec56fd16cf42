import { FleetSupply, ForecastConfidence, SupplyForecastState } from './telemetry-types';

/** RFC 3805 special values of a supply level (prtMarkerSuppliesLevel). */
const SPECIAL_LEVELS: Record<number, string> = {
  [-1]: 'Level not given (other)',
  [-2]: 'Level unknown',
  [-3]: 'Some remaining',
};

const COARSE: Record<string, string> = { ok: 'OK', low: 'Low', empty: 'Empty' };

const DAY_MS = 86_400_000;

/**
 * The level as a whole percentage when the device gave one (the service's `percent`, else
 * level / maxCapacity when both are real numbers); null for special and coarse values.
 */
export function levelPercent(
  supply: Pick<FleetSupply, 'percent' | 'level' | 'maxCapacity'>,
): number | null {
  if (typeof supply.percent === 'number' && Number.isFinite(supply.percent))
    return clampPercent(supply.percent);
  const { level, maxCapacity } = supply;
  if (typeof level === 'number' && typeof maxCapacity === 'number' && level >= 0 && maxCapacity > 0)
    return clampPercent((level / maxCapacity) * 100);
  return null;
}

function clampPercent(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)));
}

/** What the device said when there is no percentage: "Some remaining", "Low", "Level unknown". */
export function levelWithoutPercent(supply: Pick<FleetSupply, 'level' | 'coarseState'>): string {
  if (supply.coarseState) return COARSE[supply.coarseState] ?? supply.coarseState;
  if (typeof supply.level === 'number' && SPECIAL_LEVELS[supply.level])
    return SPECIAL_LEVELS[supply.level];
  return 'Level unknown';
}

/** Below this the bar and its text turn to the warning style (besides the words). */
export const LOW_PERCENT = 15;

const CONFIDENCE: Record<ForecastConfidence, string> = {
  low: 'low confidence',
  medium: 'medium confidence',
  high: 'high confidence',
};

/** "12 days to empty (high confidence)", "Empty now", "Less than a day to empty". */
export function daysToEmptyText(
  daysToEmpty: number | null | undefined,
  confidence: ForecastConfidence | null | undefined,
): string {
  const sure = confidence ? ` (${CONFIDENCE[confidence] ?? confidence})` : '';
  if (typeof daysToEmpty !== 'number' || !Number.isFinite(daysToEmpty))
    return 'Days to empty not known';
  if (daysToEmpty <= 0) return `Empty now${sure}`;
  if (daysToEmpty < 1) return `Less than a day to empty${sure}`;
  const days = Math.round(daysToEmpty);
  return `${days} day${days === 1 ? '' : 's'} to empty${sure}`;
}

/** The forecast line of a supply in each state the service gives. */
export function forecastText(supply: {
  state: SupplyForecastState;
  daysToEmpty?: number | null;
  confidence?: ForecastConfidence | null;
  level?: number | null;
  coarseState?: string | null;
}): string {
  switch (supply.state) {
    case 'forecast':
      return daysToEmptyText(supply.daysToEmpty, supply.confidence);
    case 'learning':
      return 'Learning (needs a few more days of readings)';
    case 'cannot-forecast':
      return `Cannot forecast — this device reports only '${coarseWords(supply)}'`;
    case 'stale':
      return 'Forecast out of date — the device has stopped reporting';
    default:
      return 'No forecast';
  }
}

function coarseWords(supply: { level?: number | null; coarseState?: string | null }): string {
  if (supply.coarseState) return 'ok / low / empty';
  if (supply.level === -2) return 'level unknown';
  return 'some remaining';
}

/** Whole days since `iso` (0 on the day itself), or null without a time. */
export function daysSince(iso: string | null | undefined, now: number = Date.now()): number | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.floor((now - at) / DAY_MS));
}

/** "No reading for 4 days" / "No reading yet" for a silent device. */
export function silentText(
  lastReadAt: string | null | undefined,
  now: number = Date.now(),
): string {
  const days = daysSince(lastReadAt, now);
  if (days === null) return 'No reading yet';
  if (days < 1) return 'No reading for less than a day';
  return `No reading for ${days} day${days === 1 ? '' : 's'}`;
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', DAY_MS],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 hours ago", "yesterday", "just now" in the country's locale. */
export function relativeTime(iso: string, locale: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const elapsed = now - at;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(elapsed) >= size) return format.format(-Math.round(elapsed / size), unit);
  }
  return 'just now';
}
