import { UnavailableError } from '@metered/service-kit';
import { InvalidAccessTokenError } from '../claims/invalid-access-token.error';
import { KeyCachePolicy, nextKeyCacheStep, stepAfterFetch } from './key-cache-policy';

/** Loads the whole key set; rejects when identity cannot be reached or answers nonsense. */
export type KeySetLoader<K> = () => Promise<Map<string, K>>;

/**
 * Identity's public keys by `kid`, fetched on demand. Concurrent misses share one fetch, so
 * a burst of requests after a restart asks identity once.
 */
export class JwksKeyCache<K> {
  private keys = new Map<string, K>();
  private fetchedAt: number | null = null;
  private failedAt: number | null = null;
  private lastError: unknown = null;
  private inFlight: Promise<boolean> | null = null;

  constructor(
    private readonly load: KeySetLoader<K>,
    private readonly policy: KeyCachePolicy,
    private readonly now: () => number = Date.now,
  ) {}

  async keyFor(kid: string): Promise<K> {
    const step = nextKeyCacheStep(
      { knownKids: new Set(this.keys.keys()), fetchedAt: this.fetchedAt, failedAt: this.failedAt },
      kid,
      this.now(),
      this.policy,
    );
    if (step === 'use-cached') return this.keys.get(kid) as K;
    if (step === 'unknown-kid') throw unknownKid(kid);
    if (step === 'unavailable') throw this.unavailable();

    const cached = this.keys.get(kid);
    const succeeded = await this.refresh();
    const next = stepAfterFetch(succeeded, this.keys.has(kid), cached !== undefined);
    if (next === 'use-fetched') return this.keys.get(kid) as K;
    if (next === 'use-cached') return cached as K;
    if (next === 'unknown-kid') throw unknownKid(kid);
    throw this.unavailable();
  }

  private refresh(): Promise<boolean> {
    this.inFlight ??= this.load()
      .then((keys) => {
        this.keys = keys;
        this.fetchedAt = this.now();
        this.failedAt = null;
        this.lastError = null;
        return true;
      })
      .catch((error: unknown) => {
        this.failedAt = this.now();
        this.lastError = error;
        return false;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private unavailable(): UnavailableError {
    const reason = this.lastError instanceof Error ? `: ${this.lastError.message}` : '';
    return new UnavailableError(
      `cannot verify access tokens, identity's keys are unavailable${reason}`,
    );
  }
}

function unknownKid(kid: string): InvalidAccessTokenError {
  return new InvalidAccessTokenError(
    `access token signed with an unknown key (kid "${kid.slice(0, 64)}")`,
  );
}
