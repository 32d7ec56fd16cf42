/** Optional list of extra `HealthIndicatorFunction`s a service adds to its readiness. */
export const EXTRA_READINESS_CHECKS = Symbol('EXTRA_READINESS_CHECKS');
