import type { CoarseSupplyState } from '@metered/contracts/reference';
import type { SupplyForecast } from './forecast';
import { DEFAULT_REVIEW_DAYS } from './lead-times';
import { suggestQuantity } from './suggest-quantity';

export interface ReplenishmentSettings {
  autoReplenishment: boolean;
  /** A supply below this percent is low. */
  lowLevelPercent: number;
  /** Margin in days on top of the shipping lead time. */
  safetyDays: number;
}

export interface ReplenishmentInput {
  settings: ReplenishmentSettings;
  forecast?: SupplyForecast;
  /** The supply's latest percent, where level and capacity give one. */
  percent?: number;
  /** The latest coarse state, for devices that report only low / ok / empty. */
  coarseState?: CoarseSupplyState;
  onsiteUnits: number;
  /** An order for this serial and item is open (placed, held, not yet delivered or cancelled). */
  openOrderForItem: boolean;
  /** An automatic request for this supply is pending (sent, no order answered yet). */
  openAutoRequest: boolean;
  leadTimeDays: number;
  /** What the ordered quantity covers beyond the lead time (default 30 days). */
  reviewDays?: number;
}

export type ReplenishmentDecision =
  | { order: false; why: string }
  | { order: true; reason: 'days-to-empty' | 'below-threshold'; quantity: number };

/**
 * Whether to place an automatic order for one supply now: only for an account that opted in,
 * with no unit onsite, no open order for the serial and item and no pending automatic request
 * (never two open auto orders for one supply), on a fresh forecast — when the supply runs out
 * within lead time + safety days, or is below the account's low level.
 */
export function decideReplenishment(input: ReplenishmentInput): ReplenishmentDecision {
  const { settings, forecast } = input;
  if (!settings.autoReplenishment) return { order: false, why: 'automatic replenishment is off' };
  if (input.openOrderForItem)
    return { order: false, why: 'an order for this serial and item is open' };
  if (input.openAutoRequest)
    return { order: false, why: 'an automatic request is already pending' };
  if (input.onsiteUnits > 0) return { order: false, why: `${input.onsiteUnits} unit(s) onsite` };
  if (forecast?.state === 'stale')
    return { order: false, why: 'the device is silent: its readings are stale' };

  const horizon = input.leadTimeDays + settings.safetyDays;
  const quantity = () =>
    Math.max(
      1,
      suggestQuantity({
        forecast,
        leadTimeDays: input.leadTimeDays,
        reviewDays: input.reviewDays ?? DEFAULT_REVIEW_DAYS,
        onsiteUnits: input.onsiteUnits,
      }),
    );
  if (
    forecast?.state === 'forecast' &&
    forecast.daysToEmpty !== undefined &&
    forecast.daysToEmpty <= horizon
  ) {
    return { order: true, reason: 'days-to-empty', quantity: quantity() };
  }
  const low =
    (input.percent !== undefined && input.percent < settings.lowLevelPercent) ||
    input.coarseState === 'low' ||
    input.coarseState === 'empty';
  if (low) return { order: true, reason: 'below-threshold', quantity: quantity() };
  const days =
    forecast?.daysToEmpty !== undefined ? `${forecast.daysToEmpty} days to empty` : 'no forecast';
  const level = input.percent !== undefined ? `, ${input.percent}%` : '';
  return {
    order: false,
    why: `not due: ${days}${level} (orders within ${horizon} days or below ${settings.lowLevelPercent}%)`,
  };
}
