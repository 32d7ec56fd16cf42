import { readEnvSettings } from '@metered/service-kit';

/** ordering's own settings, read once from the environment (documented in docs/api.md). */
export interface OrderingConfig {
  /** Per-row maximum: this many cartons' worth of the item (ORDER_MAX_CARTONS_PER_ROW, 4). */
  maxCartonsPerRow: number;
  /** Default sense-check allowance in cartons of the item (ORDER_ALLOWANCE_CARTONS, 2). */
  allowanceCartons: number;
  /**
   * Delivered units keep counting against the allowance for this many days after delivery
   * (ORDER_ALLOWANCE_WINDOW_DAYS, 30): about a month of use, the period a customer's
   * allowance is meant to cover. 0 counts open orders only.
   */
  allowanceWindowDays: number;
  /**
   * Placement reads the serial's and account's read models and the allowance overrides from
   * memory, fed per replica by their events (read-models/cache/placement-views.ts).
   */
  placementCache: {
    /** PLACEMENT_CACHE=off reads them from the database for every order (on by default). */
    enabled: boolean;
    /** Entries per cache (PLACEMENT_CACHE_MAX_ENTRIES, 50000). */
    maxEntries: number;
    /** An entry is read again after this long (PLACEMENT_CACHE_MAX_AGE_MS, 900000). */
    maxAgeMs: number;
    /** How long an event waits for the database copy to show it (10 minutes). */
    pendingMaxAgeMs: number;
  };
}

export const ORDERING_CONFIG = Symbol('ORDERING_CONFIG');

export function readOrderingConfig(env: NodeJS.ProcessEnv = process.env): OrderingConfig {
  return readEnvSettings(env, (settings) => ({
    placementCache: {
      enabled: settings.onOff('PLACEMENT_CACHE', true),
      maxEntries: settings.number('PLACEMENT_CACHE_MAX_ENTRIES', { default: 50_000 }),
      maxAgeMs: settings.number('PLACEMENT_CACHE_MAX_AGE_MS', { default: 900_000 }),
      pendingMaxAgeMs: 600_000,
    },
    maxCartonsPerRow: settings.number('ORDER_MAX_CARTONS_PER_ROW', { default: 4 }),
    allowanceCartons: settings.number('ORDER_ALLOWANCE_CARTONS', { default: 2, min: 0 }),
    allowanceWindowDays: settings.number('ORDER_ALLOWANCE_WINDOW_DAYS', { default: 30, min: 0 }),
  }));
}
