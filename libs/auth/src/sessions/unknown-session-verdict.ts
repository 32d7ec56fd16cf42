/** How far this replica has read identity's session events. */
export type FeedState =
  /** Still reading what was published before it started: it cannot say "never started" yet. */
  | 'catching-up'
  /** Read to the end and still fetching: what it does not know, identity did not announce. */
  | 'live'
  /** Caught up once, but no fetch lately (Kafka away): its "unknown" means nothing now. */
  | 'stale';

export type UnknownSessionVerdict =
  /** Wait for the session's event (or the catch-up), then look again. */
  | 'wait'
  /** 401: a token identity signed for a session it never announced. */
  | 'refuse'
  /** 503 with Retry-After: the answer cannot be known now; never accept it. */
  | 'unavailable';

/**
 * What to do with a token whose session this replica has not heard of. identity writes the
 * session's event in the same write that issues the token, but the event reaches us a moment
 * later (outbox relay, Kafka), so a token younger than `propagationSeconds` may simply be
 * ahead of its event: wait once, then answer 503 rather than 401, so a client retries
 * instead of signing out. An older token on a live feed was never announced: refuse it.
 */
export function unknownSessionVerdict(input: {
  feed: FeedState;
  tokenAgeSeconds: number;
  propagationSeconds: number;
  alreadyWaited: boolean;
}): UnknownSessionVerdict {
  if (input.feed === 'stale') return 'unavailable';
  if (input.feed === 'catching-up') return input.alreadyWaited ? 'unavailable' : 'wait';
  if (input.tokenAgeSeconds >= input.propagationSeconds) return 'refuse';
  return input.alreadyWaited ? 'unavailable' : 'wait';
}
