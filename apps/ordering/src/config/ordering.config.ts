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
  simulator: {
    /** FULFILMENT_SIMULATOR=on starts the dev/test warehouse stand-in (off by default). */
    enabled: boolean;
    /** FULFILMENT_SIMULATOR_DELAY_MS (5000): wait before dispatch, and again before delivery. */
    delayMs: number;
  };
}

export const ORDERING_CONFIG = Symbol('ORDERING_CONFIG');

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  }
  return value;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = (env[name] ?? '').trim().toLowerCase();
  if (value === '') return fallback;
  if (['on', 'true', '1'].includes(value)) return true;
  if (['off', 'false', '0'].includes(value)) return false;
  throw new Error(`${name} must be on or off, got "${env[name]}"`);
}

export function readOrderingConfig(env: NodeJS.ProcessEnv = process.env): OrderingConfig {
  const simulator = (env.FULFILMENT_SIMULATOR ?? 'off').trim().toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0', ''].includes(simulator)) {
    throw new Error(`FULFILMENT_SIMULATOR must be on or off, got "${env.FULFILMENT_SIMULATOR}"`);
  }
  return {
    placementCache: {
      enabled: onOff(env, 'PLACEMENT_CACHE', true),
      maxEntries: positiveInt(env, 'PLACEMENT_CACHE_MAX_ENTRIES', 50_000),
      maxAgeMs: positiveInt(env, 'PLACEMENT_CACHE_MAX_AGE_MS', 900_000),
      pendingMaxAgeMs: 600_000,
    },
    maxCartonsPerRow: positiveInt(env, 'ORDER_MAX_CARTONS_PER_ROW', 4),
    allowanceCartons: positiveInt(env, 'ORDER_ALLOWANCE_CARTONS', 2, 0),
    allowanceWindowDays: positiveInt(env, 'ORDER_ALLOWANCE_WINDOW_DAYS', 30, 0),
    simulator: {
      enabled: ['on', 'true', '1'].includes(simulator),
      delayMs: positiveInt(env, 'FULFILMENT_SIMULATOR_DELAY_MS', 5000, 0),
    },
  };
}
