/**
 * The sessions this replica knows from identity's session events, in memory. Every access
 * token is issued together with a `SessionStarted` or `SessionRefreshed`, so an entry only
 * has to live as long as the session's latest access token (plus grace for clock skew):
 * the set holds the sessions active within the last token lifetime, nothing older.
 */
export type SessionStatus = 'active' | 'revoked' | 'unknown';

interface Entry {
  /** Epoch ms after which the entry can be forgotten (latest token expiry + grace). */
  keepUntil: number;
  revoked: boolean;
}

/** Tokens are accepted a few seconds past `exp`, and clocks differ: keep entries this much longer. */
export const KNOWN_SESSION_GRACE_MS = 5 * 60_000;

export class KnownSessions {
  private readonly entries = new Map<string, Entry>();
  private readonly waiters = new Map<string, Set<() => void>>();

  /** SessionStarted / SessionRefreshed: tokens of the session are valid until `tokensExpireBy`. */
  issued(sessionId: string, tokensExpireBy: Date): void {
    const current = this.entries.get(sessionId);
    const keepUntil = tokensExpireBy.getTime() + KNOWN_SESSION_GRACE_MS;
    // Events of one session share a partition and arrive in order, but a replayed older
    // event must neither shorten the entry nor bring a revoked session back.
    this.entries.set(sessionId, {
      keepUntil: Math.max(keepUntil, current?.keepUntil ?? 0),
      revoked: current?.revoked ?? false,
    });
    this.wake(sessionId);
  }

  /** SessionRevoked: refused from now on, until its last token has expired anyway. */
  revoked(sessionId: string, tokensExpireBy: Date): void {
    const current = this.entries.get(sessionId);
    const keepUntil = tokensExpireBy.getTime() + KNOWN_SESSION_GRACE_MS;
    this.entries.set(sessionId, {
      keepUntil: Math.max(keepUntil, current?.keepUntil ?? 0),
      revoked: true,
    });
    this.wake(sessionId);
  }

  status(sessionId: string, now = Date.now()): SessionStatus {
    const entry = this.entries.get(sessionId);
    if (!entry || entry.keepUntil <= now) return 'unknown';
    return entry.revoked ? 'revoked' : 'active';
  }

  /** Resolves once an event about the session arrives, or after `timeoutMs` (whichever first). */
  waitFor(sessionId: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.waiters.get(sessionId) ?? new Set<() => void>();
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        if (waiters.size === 0) this.waiters.delete(sessionId);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      timer.unref?.();
      waiters.add(done);
      this.waiters.set(sessionId, waiters);
    });
  }

  /** Forgets sessions whose tokens have all expired; returns how many. */
  prune(now = Date.now()): number {
    let removed = 0;
    for (const [sessionId, entry] of this.entries) {
      if (entry.keepUntil <= now) {
        this.entries.delete(sessionId);
        removed += 1;
      }
    }
    return removed;
  }

  get size(): number {
    return this.entries.size;
  }

  private wake(sessionId: string): void {
    for (const waiter of [...(this.waiters.get(sessionId) ?? [])]) waiter();
  }
}
