/**
 * Lockout after repeated failed logins, counted per lower-cased email whether or not a
 * user has it (so the answer never tells which addresses exist). After `maxFailures`
 * consecutive failures the email is locked for `lockSeconds`; a success resets the count.
 */
export interface LockoutPolicy {
  maxFailures: number;
  lockSeconds: number;
}

export interface LoginAttempts {
  failures: number;
  lockedUntil: Date | null;
}

export const NO_ATTEMPTS: LoginAttempts = { failures: 0, lockedUntil: null };

/** Seconds until the lock ends (rounded up), or null when logins are allowed now. */
export function lockedForSeconds(attempts: LoginAttempts, now: Date): number | null {
  if (!attempts.lockedUntil) return null;
  const remainingMs = attempts.lockedUntil.getTime() - now.getTime();
  return remainingMs > 0 ? Math.ceil(remainingMs / 1000) : null;
}

/** The state after one more failure; an expired lock starts a fresh count. */
export function afterFailure(
  attempts: LoginAttempts,
  now: Date,
  policy: LockoutPolicy,
): LoginAttempts {
  const lockExpired = attempts.lockedUntil !== null && lockedForSeconds(attempts, now) === null;
  const failures = (lockExpired ? 0 : attempts.failures) + 1;
  if (failures >= policy.maxFailures) {
    return { failures, lockedUntil: new Date(now.getTime() + policy.lockSeconds * 1000) };
  }
  return { failures, lockedUntil: null };
}
