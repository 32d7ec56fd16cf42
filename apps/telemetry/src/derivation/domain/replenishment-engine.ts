import type { TelemetryReading } from '@metered/contracts';
import type { DeviceItem } from '../../read-models/device-view';
import type { SupplyForecast } from './device-state';

/**
 * What telemetry needs from the replenishment domain (`@metered/replenishment`): per-device
 * state from readings (history, swaps, forecasts), and the replenishment decision. The service
 * orchestrates (loads, stores, publishes); the rules live in the library.
 */
export interface SupplyDerivation {
  supplyId: string;
  forecast: SupplyForecast;
  /** Names the current cartridge; a new name after a detected swap. */
  cartridge: string;
  /** Swaps detected while applying these readings (readAt of the reading after the jump). */
  newSwaps: string[];
}

export interface EngineDevice {
  serial: string;
  items: readonly DeviceItem[];
}

export interface ApplyResult {
  domain: unknown;
  supplies: SupplyDerivation[];
}

export interface DecisionInput {
  forecast: SupplyForecast;
  percent?: number;
  coarseState?: string;
  leadTimeDays: number;
  safetyDays: number;
  lowLevelPercent: number;
  onsiteUnits: number;
  openOrder: boolean;
  bottlesPerCarton: number;
}

export type Decision =
  { order: true; reason: 'days-to-empty' | 'below-threshold'; quantity: number } | { order: false };

export interface SuggestionInput {
  forecast?: SupplyForecast;
  leadTimeDays: number;
  reviewDays: number;
  onsiteUnits: number;
}

export interface ReplenishmentEngine {
  /** Applies new readings (time order) to a device's stored domain state. */
  apply(
    domain: unknown,
    readings: readonly TelemetryReading[],
    device: EngineDevice,
    now: Date,
  ): ApplyResult;
  decide(input: DecisionInput): Decision;
  /** Units that cover the lead time plus the review period, minus onsite stock. */
  suggestQuantity(input: SuggestionInput): number;
  /** The days-to-empty thresholds whose crossing is published (e.g. [14, 7]). */
  readonly thresholdDays: readonly number[];
}

export const REPLENISHMENT_ENGINE = Symbol('REPLENISHMENT_ENGINE');
