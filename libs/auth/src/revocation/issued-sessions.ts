import { Inject, Injectable } from '@nestjs/common';
import { UnavailableError } from '@metered/service-kit';
import { AUTH_SETTINGS, type AuthSettings } from '../auth.settings';
import { InvalidAccessTokenError } from '../claims/invalid-access-token.error';

/**
 * What a replica knows of a session id: identity issued it (`issued`), it has ended for good
 * (revoked or expired, as identity answered), or identity never issued it (`unknown`).
 */
export type SessionVerdict = 'issued' | 'ended' | 'unknown';

/** Asks identity about the session of a token: `GET /auth/session` with the token itself. */
export type SessionLookup = (sessionId: string, rawToken: string) => Promise<SessionVerdict>;

export interface IssuedSessionsStats {
  /** Checks answered from memory. */
  hits: number;
  /** Checks that asked identity (a session the feed had not shown this replica). */
  lookups: number;
  /** Sessions learned from `SessionStarted` on the feed. */
  learned: number;
  entries: number;
}

/**
 * "Was this session ever issued?" in every service, without a database read per request.
 * A forged signature is refused before this; what remains is a validly signed token naming a
 * `sid` identity has no record of (minted with a leaked key, a test fixture gone astray).
 *
 * Every verdict is final — a session id is issued once and an ended session never comes
 * back — so the memory needs no invalidation, only a bound (the least recently used go
 * first). It is filled from two sources:
 *  - the session feed (RevocationFeed follows `identity.session.v1` in every replica): each
 *    `SessionStarted` marks its id issued before the client's first call usually arrives;
 *  - identity itself, when a token names an id the feed has not shown this replica (the
 *    login raced the feed, the replica restarted, the entry was evicted): one
 *    `GET /auth/session` carrying the caller's own token (identity answers only for the
 *    token's own session, so the call needs no credentials of its own). Concurrent checks of
 *    one id share that call; a failure answers 503 — never accept what could not be checked.
 * identity checks its own collection instead (`sessionLookupUrl: null`).
 */
@Injectable()
export class IssuedSessions {
  private readonly verdicts = new Map<string, SessionVerdict>();
  private readonly inFlight = new Map<string, Promise<SessionVerdict>>();
  private readonly maxEntries: number;
  private readonly lookup: SessionLookup | null;
  private counts = { hits: 0, lookups: 0, learned: 0 };

  constructor(@Inject(AUTH_SETTINGS) settings: AuthSettings) {
    this.maxEntries = settings.sessionCache.maxEntries;
    const url = settings.sessionLookupUrl;
    this.lookup =
      url === null ? null : (_sid, token) => askIdentity(url, token, settings.jwksFetchTimeoutMs);
  }

  /** A `SessionStarted` seen on the feed. */
  learn(sessionId: string): void {
    if (this.verdicts.has(sessionId)) return;
    this.counts.learned++;
    this.keep(sessionId, 'issued');
  }

  /** Whether this replica already holds a verdict for the session (metrics and tests). */
  knows(sessionId: string): boolean {
    return this.verdicts.has(sessionId);
  }

  /** Whether the service checks issued sessions at all (identity checks its own collection). */
  get enabled(): boolean {
    return this.lookup !== null;
  }

  async verdict(sessionId: string, rawToken: string): Promise<SessionVerdict> {
    const known = this.verdicts.get(sessionId);
    if (known !== undefined) {
      this.counts.hits++;
      this.keep(sessionId, known); // most recently used last
      return known;
    }
    if (this.lookup === null) return 'issued';
    const running = this.inFlight.get(sessionId);
    if (running) return running;
    this.counts.lookups++;
    const asked = this.lookup(sessionId, rawToken)
      .then((verdict) => {
        // The feed may have answered meanwhile; both say the same of an issued session.
        if (!this.verdicts.has(sessionId)) this.keep(sessionId, verdict);
        return this.verdicts.get(sessionId)!;
      })
      .finally(() => this.inFlight.delete(sessionId));
    this.inFlight.set(sessionId, asked);
    return asked;
  }

  get stats(): IssuedSessionsStats {
    return { ...this.counts, entries: this.verdicts.size };
  }

  private keep(sessionId: string, verdict: SessionVerdict): void {
    this.verdicts.delete(sessionId);
    this.verdicts.set(sessionId, verdict);
    while (this.verdicts.size > this.maxEntries) {
      this.verdicts.delete(this.verdicts.keys().next().value!);
    }
  }
}

const IDENTITY_STATES: Record<string, SessionVerdict> = {
  active: 'issued',
  ended: 'ended',
  unknown: 'unknown',
};

/** identity's answer for the token's own session; the token authenticates the question. */
export async function askIdentity(
  url: string,
  rawToken: string,
  timeoutMs: number,
): Promise<SessionVerdict> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json', authorization: `Bearer ${rawToken}` },
    });
  } catch (error) {
    throw new UnavailableError(`cannot ask identity about the session: ${String(error)}`);
  }
  const body = (await response.json().catch(() => null)) as {
    state?: unknown;
    message?: unknown;
  } | null;
  if (response.status === 401) {
    // identity refused the token itself (it expired meanwhile, its key was withdrawn): not a
    // verdict about the session, so nothing is remembered.
    const reason = typeof body?.message === 'string' ? body.message : 'refused';
    throw new InvalidAccessTokenError(`identity refused the access token: ${reason}`);
  }
  const verdict = typeof body?.state === 'string' ? IDENTITY_STATES[body.state] : undefined;
  if (!response.ok || verdict === undefined) {
    throw new UnavailableError(
      `cannot ask identity about the session: ${url} answered ${response.status}`,
    );
  }
  return verdict;
}
