import type { SupplyForecast } from './forecast';

export interface SuggestQuantityInput {
  forecast?: Pick<SupplyForecast, 'state' | 'daysToEmpty' | 'dailyUse'>;
  /** Cartridges used per day where the caller knows better; else the forecast's `dailyUse`. */
  dailyUse?: number;
  leadTimeDays: number;
  reviewDays: number;
  /** Full units the customer keeps at the device. */
  onsiteUnits: number;
  /** Most units one suggestion says (default 999, the order form's limit). */
  maxQuantity?: number;
}

/**
 * Units that cover the shipping lead time plus the review period, minus onsite stock (never
 * below 0). The current cartridge covers its days to empty; beyond that, the measured daily
 * use says how many more. Without a forecast (learning, cannot forecast) it suggests one unit
 * when none is onsite — the customer decides.
 */
export function suggestQuantity(input: SuggestQuantityInput): number {
  const horizon = Math.max(0, input.leadTimeDays) + Math.max(0, input.reviewDays);
  const perDay = positive(input.dailyUse) ?? positive(input.forecast?.dailyUse);
  const daysToEmpty = forecastDays(input.forecast);
  let needed: number;
  if (daysToEmpty === undefined) {
    needed = perDay ? Math.ceil(horizon * perDay - 1e-9) : 1;
  } else if (daysToEmpty >= horizon) {
    needed = 0;
  } else {
    needed = perDay ? Math.max(1, Math.ceil((horizon - daysToEmpty) * perDay - 1e-9)) : 1;
  }
  const onsite = Math.max(0, Math.floor(input.onsiteUnits || 0));
  return Math.min(input.maxQuantity ?? 999, Math.max(0, needed - onsite));
}

function forecastDays(forecast: SuggestQuantityInput['forecast']): number | undefined {
  if (!forecast || (forecast.state !== 'forecast' && forecast.state !== 'stale')) return undefined;
  return forecast.daysToEmpty;
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}
