import type { LargeBodyRoute } from '@metered/service-kit';

/**
 * A batch of MAX_READINGS_PER_BATCH (5,000) readings of a few hundred bytes each fits in
 * 8 MB; the gateway lets the same route through with the same cap (LARGE_BODY_ROUTES).
 */
export const READINGS_MAX_BODY_BYTES = 8 * 1024 * 1024;

export const TELEMETRY_READINGS_ROUTE: LargeBodyRoute = {
  path: '/telemetry/readings',
  maxBytes: READINGS_MAX_BODY_BYTES,
};
