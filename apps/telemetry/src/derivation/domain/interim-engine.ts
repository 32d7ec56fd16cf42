import type {
  ApplyResult,
  Decision,
  DecisionInput,
  ReplenishmentEngine,
  SuggestionInput,
} from './replenishment-engine';
import type { TelemetryReading } from '@metered/contracts';
import type { EngineDevice } from './replenishment-engine';

/**
 * Stand-in until `@metered/replenishment` is wired in: no forecasts (every supply is
 * "learning"), orders only below the low level with nothing onsite. Not a forecast.
 */
export class InterimEngine implements ReplenishmentEngine {
  readonly thresholdDays = [14, 7] as const;

  apply(
    domain: unknown,
    readings: readonly TelemetryReading[],
    _device: EngineDevice,
  ): ApplyResult {
    const last = readings[readings.length - 1];
    return {
      domain,
      supplies: last.supplies.map((supply) => ({
        supplyId: supply.supplyId,
        forecast: {
          state: supply.level === -3 ? 'cannot-forecast' : 'learning',
          asOf: last.readAt,
        },
        cartridge: 'first',
        newSwaps: [],
      })),
    };
  }

  decide(input: DecisionInput): Decision {
    const low =
      (input.percent !== undefined && input.percent < input.lowLevelPercent) ||
      input.coarseState === 'low' ||
      input.coarseState === 'empty';
    if (!low || input.openOrder || input.onsiteUnits > 0) return { order: false };
    return { order: true, reason: 'below-threshold', quantity: 1 };
  }

  suggestQuantity(_input: SuggestionInput): number {
    return 0;
  }
}
