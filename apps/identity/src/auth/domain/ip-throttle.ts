/**
 * Per-client-address limits on top of the per-email lockout: one address trying many emails
 * (credential stuffing) or asking for many reset links is slowed down even though no single
 * email reaches its own limit. A fixed window per address: at most `max` counted events from
 * the moment the first one was seen until `windowSeconds` later; then the count starts over.
 */
export interface ThrottlePolicy {
  max: number;
  windowSeconds: number;
}

export interface ThrottleWindow {
  count: number;
  startedAt: Date | null;
}

export const EMPTY_WINDOW: ThrottleWindow = { count: 0, startedAt: null };

function windowEnd(window: ThrottleWindow, policy: ThrottlePolicy): number {
  return (window.startedAt?.getTime() ?? 0) + policy.windowSeconds * 1000;
}

/** Seconds until the address may try again (rounded up), or null when it may now. */
export function throttledForSeconds(
  window: ThrottleWindow,
  now: Date,
  policy: ThrottlePolicy,
): number | null {
  if (window.startedAt === null || window.count < policy.max) return null;
  const remainingMs = windowEnd(window, policy) - now.getTime();
  return remainingMs > 0 ? Math.ceil(remainingMs / 1000) : null;
}

/** The window after one more counted event; an expired window starts over with this one. */
export function afterEvent(
  window: ThrottleWindow,
  now: Date,
  policy: ThrottlePolicy,
): ThrottleWindow {
  if (window.startedAt === null || windowEnd(window, policy) <= now.getTime()) {
    return { count: 1, startedAt: now };
  }
  return { count: window.count + 1, startedAt: window.startedAt };
}
