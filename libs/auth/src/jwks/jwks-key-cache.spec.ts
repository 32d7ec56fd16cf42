import { UnavailableError } from '@metered/service-kit';
import { InvalidAccessTokenError } from '../claims/invalid-access-token.error';
import { JwksKeyCache } from './jwks-key-cache';

const policy = {
  unknownKidRefetchIntervalMs: 30_000,
  keysMaxAgeMs: 600_000,
  failureRetryMs: 2_000,
};

function cacheWith(responses: Array<Record<string, string> | Error>) {
  let time = 0;
  const calls: number[] = [];
  const cache = new JwksKeyCache<string>(
    async () => {
      calls.push(time);
      const next = responses.length > 1 ? responses.shift() : responses[0];
      if (next instanceof Error) throw next;
      return new Map(Object.entries(next ?? {}));
    },
    policy,
    () => time,
  );
  return { cache, calls, advance: (ms: number) => (time += ms) };
}

describe('JwksKeyCache', () => {
  it('fetches once and serves later tokens from the cache', async () => {
    const { cache, calls } = cacheWith([{ k1: 'pem-1' }]);
    await expect(cache.keyFor('k1')).resolves.toBe('pem-1');
    await expect(cache.keyFor('k1')).resolves.toBe('pem-1');
    expect(calls).toHaveLength(1);
  });

  it('shares one fetch between concurrent requests', async () => {
    const { cache, calls } = cacheWith([{ k1: 'pem-1' }]);
    await Promise.all([cache.keyFor('k1'), cache.keyFor('k1'), cache.keyFor('k1')]);
    expect(calls).toHaveLength(1);
  });

  it('refuses forged kids with 401 and asks identity at most once per 30 s', async () => {
    const { cache, calls, advance } = cacheWith([{ k1: 'pem-1' }]);
    await cache.keyFor('k1');
    for (let i = 0; i < 5; i += 1) {
      await expect(cache.keyFor(`forged-${i}`)).rejects.toBeInstanceOf(InvalidAccessTokenError);
    }
    expect(calls).toHaveLength(1);
    advance(30_000);
    await expect(cache.keyFor('forged')).rejects.toBeInstanceOf(InvalidAccessTokenError);
    expect(calls).toHaveLength(2);
  });

  it('finds a rotated key after the refetch interval', async () => {
    const { cache, advance } = cacheWith([{ k1: 'pem-1' }, { k1: 'pem-1', k2: 'pem-2' }]);
    await cache.keyFor('k1');
    advance(30_000);
    await expect(cache.keyFor('k2')).resolves.toBe('pem-2');
  });

  it('answers 503 (never accepts) when identity is down and the key was never seen', async () => {
    const { cache, calls, advance } = cacheWith([
      new Error('connect ECONNREFUSED'),
      { k1: 'pem-1' },
    ]);
    await expect(cache.keyFor('k1')).rejects.toBeInstanceOf(UnavailableError);
    await expect(cache.keyFor('k1')).rejects.toThrow(/ECONNREFUSED/);
    expect(calls).toHaveLength(1);
    advance(2_000);
    await expect(cache.keyFor('k1')).resolves.toBe('pem-1');
  });

  it('keeps verifying with a known key when a refresh fails', async () => {
    const { cache, advance } = cacheWith([{ k1: 'pem-1' }, new Error('timeout')]);
    await cache.keyFor('k1');
    advance(600_000);
    await expect(cache.keyFor('k1')).resolves.toBe('pem-1');
  });

  it('drops a key identity no longer publishes once the key set is refreshed', async () => {
    const { cache, advance } = cacheWith([{ k1: 'pem-1' }, { k2: 'pem-2' }]);
    await cache.keyFor('k1');
    advance(600_000);
    await expect(cache.keyFor('k1')).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });
});
