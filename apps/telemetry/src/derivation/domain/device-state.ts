import type { CoarseSupplyState, ForecastConfidence, ForecastState } from '@metered/contracts';

/** The forecast of one supply as last derived. */
export interface SupplyForecast {
  state: ForecastState;
  daysToEmpty?: number;
  confidence?: ForecastConfidence;
  /** The reading time it is based on. */
  asOf: string;
}

/** One marker supply of a device: what it last reported and what was derived from it. */
export interface SupplyState {
  supplyId: string;
  description: string;
  reorderNumber?: string;
  /** RFC 3805 level (or -2 unknown when only a coarse state is reported). */
  level: number;
  maxCapacity: number;
  percent?: number;
  coarseState?: CoarseSupplyState;
  forecast: SupplyForecast;
  /** Names the cartridge in the device now: changes when a swap is detected. */
  cartridge: string;
  /** When swaps were detected (readAt of the reading after the jump), newest last. */
  swaps: string[];
}

/** What was already raised for which cartridge (each alert once per cartridge). */
export interface RaisedAlerts {
  low: Record<string, string>;
  thresholds: Record<string, { cartridge: string; days: number[] }>;
  requested: Record<string, string>;
}

export interface DeviceState {
  serial: string;
  accountId: string;
  lastReadAt?: string;
  lastTotalPages?: number;
  supplies: SupplyState[];
  /** The replenishment library's own per-device state (history, cartridges), stored as it is. */
  domain?: unknown;
  raised: RaisedAlerts;
  /** Ingest batches already applied (a redelivered ReadingsAccepted changes nothing). */
  appliedBatches: string[];
}

export const APPLIED_BATCHES_KEPT = 50;

export function emptyDeviceState(serial: string, accountId: string): DeviceState {
  return {
    serial,
    accountId,
    supplies: [],
    raised: { low: {}, thresholds: {}, requested: {} },
    appliedBatches: [],
  };
}
