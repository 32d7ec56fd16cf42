/*
 * What the telemetry service answers (docs/api.md, "telemetry"; the contract in
 * the telemetry README). Hand-written like the other pages' types: optional fields are ones the
 * pages can do without, so a slightly different answer degrades instead of breaking a page.
 */

export type SupplyForecastState = 'forecast' | 'learning' | 'cannot-forecast' | 'stale';
export type ForecastConfidence = 'low' | 'medium' | 'high';

/** One marker supply of a device, as GET /api/telemetry/fleet lists it. */
export interface FleetSupply {
  supplyId: string;
  description: string;
  reorderNumber?: string;
  /** What the device said: units out of maxCapacity, or RFC 3805's -1 other, -2 unknown, -3 some remaining. */
  level?: number | null;
  maxCapacity?: number | null;
  /** Derived only where the device gave a real level and capacity. */
  percent?: number | null;
  /** For devices that report only ok / low / empty. */
  coarseState?: string | null;
  state: SupplyForecastState;
  daysToEmpty?: number | null;
  confidence?: ForecastConfidence | null;
  /** Full units the customer has onsite, as estimated from declarations, swaps and deliveries. */
  onsiteUnits?: number | null;
}

export interface FleetDevice {
  serial: string;
  modelName?: string | null;
  lastReadAt?: string | null;
  silent: boolean;
  totalPages?: number | null;
  supplies: FleetSupply[];
}

/** GET /api/telemetry/fleet?accountId= — silent devices first, then the soonest empty. */
export interface FleetView {
  accountId: string;
  silentAfterDays: number;
  devices: FleetDevice[];
}

/** One agent of GET /api/telemetry/agents (the credential is never listed again). */
export interface AgentView {
  agentId: string;
  accountId: string;
  name: string;
  createdAt: string;
  lastSeenAt?: string | null;
  revokedAt?: string | null;
}

/** POST /api/telemetry/agents: the credential appears in this answer only. */
export interface CreatedAgent extends AgentView {
  credential: string;
}

/** GET / PUT /api/telemetry/settings. */
export interface ReplenishmentSettings {
  accountId: string;
  autoReplenishment: boolean;
  silentAfterDays: number;
  lowLevelPercent: number;
  safetyDays: number;
}

export interface SuggestionItem {
  reorderNumber: string;
  daysToEmpty?: number | null;
  state: SupplyForecastState;
  confidence?: ForecastConfidence | null;
  onsiteUnits: number;
  suggestedQuantity: number;
}

/** GET /api/telemetry/devices/{serial}/suggestions. */
export interface DeviceSuggestions {
  serial: string;
  country: string;
  leadTimeDays: number;
  reviewDays: number;
  items: SuggestionItem[];
}

/** GET /api/telemetry/ops/ingest (ops, admin). */
export interface IngestOverview {
  readingsPerMinute: number;
  acceptedLastHour: number;
  duplicatesLastHour: number;
  refusedLastHour: number;
  refusedByReason: Record<string, number>;
  /** Messages of the ingest topic and compact stream not yet handled; -1 when Kafka is unreachable. */
  consumerLag: number;
}
