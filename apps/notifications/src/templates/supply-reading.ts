import type { SupplyForecastSummary, SupplyLevelSummary } from '@metered/contracts';
import { formatUtc } from './email-layout';

/**
 * How telemetry emails word a supply as a device reported it. Only the types come from the
 * contracts (templates stay free of the event classes' decorators).
 */

/** RFC 3805's special levels, as a customer reads them. */
const SPECIAL_LEVELS: Record<number, string> = {
  [-1]: 'level not reported by the device',
  [-2]: 'level unknown',
  [-3]: 'some remaining (the device does not report how much)',
};

/** "Black Toner Cartridge (reorder no. TK-5240K)". */
export function supplyName(
  supply: Pick<SupplyLevelSummary, 'description' | 'reorderNumber'>,
): string {
  const description = supply.description.trim() || 'Supply';
  return supply.reorderNumber
    ? `${description} (reorder no. ${supply.reorderNumber})`
    : description;
}

/** "8% (40 of 500)", or the meaning of an RFC 3805 special value. */
export function levelText(
  supply: Pick<SupplyLevelSummary, 'level' | 'maxCapacity' | 'percent'>,
): string {
  if (supply.level < 0) return SPECIAL_LEVELS[supply.level] ?? 'level unknown';
  const units = supply.maxCapacity > 0 ? ` (${supply.level} of ${supply.maxCapacity})` : '';
  if (supply.percent !== undefined) return `${Math.round(supply.percent)}%${units}`;
  return `${supply.level} units${units}`;
}

/** "about 6 days (high confidence)", or why there is no figure. */
export function daysToEmptyText(forecast: SupplyForecastSummary | undefined): string | undefined {
  if (!forecast) return undefined;
  switch (forecast.state) {
    case 'forecast': {
      if (forecast.daysToEmpty === undefined) return undefined;
      const days = Math.max(0, Math.round(forecast.daysToEmpty));
      const confidence = forecast.confidence ? ` (${forecast.confidence} confidence)` : '';
      return `about ${days} day${days === 1 ? '' : 's'}${confidence}`;
    }
    case 'learning':
      return 'not known yet (still learning from the readings)';
    case 'cannot-forecast':
      return 'cannot be forecast from what the device reports';
    case 'stale':
      return 'not known (the readings are too old)';
  }
}

/** The reading as list items: supply, level, days to empty, and when it was read. */
export function readingItems(input: {
  supply: SupplyLevelSummary;
  forecast?: SupplyForecastSummary;
  readAt: string;
}): string[] {
  const days = daysToEmptyText(input.forecast);
  return [
    `Supply: ${supplyName(input.supply)}`,
    `Level: ${levelText(input.supply)}`,
    ...(days ? [`Days to empty: ${days}`] : []),
    `Reading taken: ${formatUtc(input.readAt)}`,
  ];
}
