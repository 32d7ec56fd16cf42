import {
  KeyCachePolicy,
  KeyCacheState,
  nextKeyCacheStep,
  stepAfterFetch,
} from './key-cache-policy';

const policy: KeyCachePolicy = {
  unknownKidRefetchIntervalMs: 30_000,
  keysMaxAgeMs: 600_000,
  failureRetryMs: 2_000,
};
const now = 1_000_000_000;

function state(partial: Partial<KeyCacheState>): KeyCacheState {
  return { knownKids: new Set(['k1']), fetchedAt: now - 1_000, failedAt: null, ...partial };
}

describe('nextKeyCacheStep', () => {
  it('fetches on the first token, before any key is known', () => {
    expect(
      nextKeyCacheStep(state({ knownKids: new Set(), fetchedAt: null }), 'k1', now, policy),
    ).toBe('fetch');
  });

  it('verifies with a cached key while the key set is fresh', () => {
    expect(nextKeyCacheStep(state({}), 'k1', now, policy)).toBe('use-cached');
  });

  it('refreshes a known key once the key set is older than its maximum age', () => {
    expect(nextKeyCacheStep(state({ fetchedAt: now - 600_000 }), 'k1', now, policy)).toBe('fetch');
  });

  it('keeps using a known key while identity has just failed to answer', () => {
    const down = state({ fetchedAt: now - 700_000, failedAt: now - 500 });
    expect(nextKeyCacheStep(down, 'k1', now, policy)).toBe('use-cached');
  });

  it('refuses an unknown kid without asking identity again within 30 s of the last fetch', () => {
    expect(nextKeyCacheStep(state({ fetchedAt: now - 29_999 }), 'forged', now, policy)).toBe(
      'unknown-kid',
    );
  });

  it('refetches for an unknown kid after 30 s (identity may have rotated its key)', () => {
    expect(nextKeyCacheStep(state({ fetchedAt: now - 30_000 }), 'k2', now, policy)).toBe('fetch');
  });

  it('answers unavailable for an unknown kid while identity is failing, and retries after a pause', () => {
    const down = state({ knownKids: new Set(), fetchedAt: null, failedAt: now - 1_000 });
    expect(nextKeyCacheStep(down, 'k1', now, policy)).toBe('unavailable');
    expect(nextKeyCacheStep(down, 'k1', now + 1_000, policy)).toBe('fetch');
  });
});

describe('stepAfterFetch', () => {
  it('uses the fetched key, or refuses a kid identity does not publish', () => {
    expect(stepAfterFetch(true, true, false)).toBe('use-fetched');
    expect(stepAfterFetch(true, false, true)).toBe('unknown-kid');
  });

  it('falls back to the cached key when the fetch failed, and never accepts without one', () => {
    expect(stepAfterFetch(false, false, true)).toBe('use-cached');
    expect(stepAfterFetch(false, false, false)).toBe('unavailable');
  });
});
