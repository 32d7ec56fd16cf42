/**
 * The wire shape of a reading as a data collection agent uploads it (HTTP batch or the
 * `telemetry.ingest.v1` topic). One reading is one device at one moment; see
 * the replenishment spec. These are plain shapes: each reading of a batch is checked on its
 * own by the telemetry service, so one bad reading is refused alone and the rest are kept.
 */

/** RFC 3805 special values of prtMarkerSuppliesLevel / MaxCapacity. */
export const SUPPLY_LEVEL_OTHER = -1;
export const SUPPLY_LEVEL_UNKNOWN = -2;
export const SUPPLY_LEVEL_SOME_REMAINING = -3;

/** Coarse states some devices report instead of a level. */
export const COARSE_SUPPLY_STATES = ['ok', 'low', 'empty'] as const;
export type CoarseSupplyState = (typeof COARSE_SUPPLY_STATES)[number];

export interface TelemetrySupplyReading {
  /** Stable id of the supply within the device (prtMarkerSuppliesIndex or colorant). */
  supplyId: string;
  /** prtMarkerSuppliesDescription, e.g. `Black Toner Cartridge`. */
  description: string;
  /** Our reorder number where the agent knows it. */
  reorderNumber?: string;
  /** prtMarkerColorantValue, e.g. `black`. */
  colorant?: string;
  /** Units out of maxCapacity, or -1 other, -2 unknown, -3 some remaining. Absent when only `state` is known. */
  level?: number;
  /** Units of a full supply, or -1 other / -2 unknown. */
  maxCapacity?: number;
  /** For devices that report only low/ok/empty. */
  state?: CoarseSupplyState;
}

export interface TelemetryReading {
  serial: string;
  /** The device's time of the read (ISO 8601, UTC). */
  readAt: string;
  /** Page counters (prtMarkerLifeCount); only grow except after a service reset. */
  counters?: { total?: number; mono?: number; colour?: number };
  /** True when the device's counters were reset by a service visit (they may go down). */
  counterReset?: boolean;
  supplies: TelemetrySupplyReading[];
}

/** A batch as uploaded: `agentId` is checked against the credential that sent it. */
export interface TelemetryReadingBatch {
  agentId: string;
  readings: TelemetryReading[];
}

/** Most readings accepted in one HTTP request or Kafka message. */
export const MAX_READINGS_PER_BATCH = 5000;
