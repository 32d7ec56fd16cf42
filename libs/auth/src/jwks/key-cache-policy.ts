/**
 * When to trust the cached key set and when to ask identity again: a pure decision so the
 * policy is specified by unit tests, apart from HTTP and timers.
 */
export interface KeyCachePolicy {
  /** An unknown `kid` refetches at most this often (a forged kid must not hammer identity). */
  unknownKidRefetchIntervalMs: number;
  /** Known keys are refreshed after this, so a withdrawn key stops verifying. */
  keysMaxAgeMs: number;
  /** After a failed fetch, wait this long before trying again (identity is down). */
  failureRetryMs: number;
}

export interface KeyCacheState {
  knownKids: ReadonlySet<string>;
  /** Time of the last successful fetch; null before the first one. */
  fetchedAt: number | null;
  /** Time of the last failed fetch, null when the last fetch succeeded. */
  failedAt: number | null;
}

export type KeyCacheStep =
  /** Verify with the cached key. */
  | 'use-cached'
  /** Fetch the key set, then look again (a failed fetch falls back to a cached key). */
  | 'fetch'
  /** Identity's current key set does not contain the kid: the token is refused (401). */
  | 'unknown-kid'
  /** The kid is not cached and identity cannot be asked now: never accept, answer 503. */
  | 'unavailable';

export function nextKeyCacheStep(
  state: KeyCacheState,
  kid: string,
  now: number,
  policy: KeyCachePolicy,
): KeyCacheStep {
  const known = state.knownKids.has(kid);
  const recentlyFailed = state.failedAt !== null && now - state.failedAt < policy.failureRetryMs;
  const age = state.fetchedAt === null ? Infinity : now - state.fetchedAt;

  if (known) return age < policy.keysMaxAgeMs || recentlyFailed ? 'use-cached' : 'fetch';
  if (age < policy.unknownKidRefetchIntervalMs) return 'unknown-kid';
  return recentlyFailed ? 'unavailable' : 'fetch';
}

/** What to do with the kid once a fetch has finished (successfully or not). */
export function stepAfterFetch(
  fetchSucceeded: boolean,
  kidInFetchedSet: boolean,
  kidInCachedSet: boolean,
): 'use-fetched' | 'use-cached' | 'unknown-kid' | 'unavailable' {
  if (fetchSucceeded) return kidInFetchedSet ? 'use-fetched' : 'unknown-kid';
  // Identity is down but the key is one it published: its tokens are still genuine.
  return kidInCachedSet ? 'use-cached' : 'unavailable';
}
