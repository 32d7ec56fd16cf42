import {
  applyReadings,
  decideReplenishment,
  DEFAULT_THRESHOLD_DAYS,
  type DeviceTelemetryState,
  forecastSupply,
  suggestQuantity,
} from '@metered/replenishment';
import type { TelemetryReading } from '@metered/contracts/reference';
import type {
  ApplyResult,
  Decision,
  DecisionInput,
  EngineDevice,
  ReplenishmentEngine,
  SuggestionInput,
} from './replenishment-engine';

/**
 * The replenishment rules of `@metered/replenishment` behind telemetry's port: per-device
 * state (history, cartridges, swaps) from readings, forecasts, the automatic order decision
 * and suggested quantities. The service stores the library's state as it is (`domain`).
 */
export class LibraryEngine implements ReplenishmentEngine {
  readonly thresholdDays = DEFAULT_THRESHOLD_DAYS;

  apply(
    domain: unknown,
    readings: readonly TelemetryReading[],
    _device: EngineDevice,
    now: Date,
  ): ApplyResult {
    const result = applyReadings(domain as DeviceTelemetryState | undefined, readings);
    const state = result.state;
    return {
      domain: state,
      supplies: (state?.supplies ?? []).map((history) => {
        const forecast = forecastSupply(state, history.supplyId, now, { silentAfterDays: 3650 });
        return {
          supplyId: history.supplyId,
          forecast: {
            state: forecast.state,
            ...(forecast.daysToEmpty !== undefined ? { daysToEmpty: forecast.daysToEmpty } : {}),
            ...(forecast.confidence ? { confidence: forecast.confidence } : {}),
            ...(forecast.dailyUse !== undefined ? { dailyUse: forecast.dailyUse } : {}),
            asOf: forecast.asOf,
          },
          // The current cartridge is named by when it went in (the first one: 'first').
          cartridge:
            history.swaps.length > 0 ? String(history.swaps[history.swaps.length - 1]) : 'first',
          newSwaps: result.swaps
            .filter((swap) => swap.supplyId === history.supplyId)
            .map((swap) => swap.readAt),
        };
      }),
    };
  }

  decide(input: DecisionInput): Decision {
    const decision = decideReplenishment({
      settings: {
        autoReplenishment: true,
        lowLevelPercent: input.lowLevelPercent,
        safetyDays: input.safetyDays,
      },
      forecast: { supplyId: '-', ...input.forecast },
      ...(input.percent !== undefined ? { percent: input.percent } : {}),
      ...(input.coarseState ? { coarseState: input.coarseState as 'ok' | 'low' | 'empty' } : {}),
      onsiteUnits: input.onsiteUnits,
      openOrderForItem: input.openOrder,
      openAutoRequest: false,
      leadTimeDays: input.leadTimeDays,
    });
    return decision.order
      ? { order: true, reason: decision.reason, quantity: decision.quantity }
      : { order: false };
  }

  suggestQuantity(input: SuggestionInput): number {
    return suggestQuantity({
      ...(input.forecast ? { forecast: input.forecast } : {}),
      leadTimeDays: input.leadTimeDays,
      reviewDays: input.reviewDays,
      onsiteUnits: input.onsiteUnits,
    });
  }
}
