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

export function readOrderingConfig(env: NodeJS.ProcessEnv = process.env): OrderingConfig {
  const simulator = (env.FULFILMENT_SIMULATOR ?? 'off').trim().toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0', ''].includes(simulator)) {
    throw new Error(`FULFILMENT_SIMULATOR must be on or off, got "${env.FULFILMENT_SIMULATOR}"`);
  }
  return {
    maxCartonsPerRow: positiveInt(env, 'ORDER_MAX_CARTONS_PER_ROW', 4),
    allowanceCartons: positiveInt(env, 'ORDER_ALLOWANCE_CARTONS', 2, 0),
    allowanceWindowDays: positiveInt(env, 'ORDER_ALLOWANCE_WINDOW_DAYS', 30, 0),
    simulator: {
      enabled: ['on', 'true', '1'].includes(simulator),
      delayMs: positiveInt(env, 'FULFILMENT_SIMULATOR_DELAY_MS', 5000, 0),
    },
  };
}
