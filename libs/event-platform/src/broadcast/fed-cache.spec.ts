import { FedCache, type FedCacheRules } from './fed-cache';

/** A counter and the events that set it: the newest `at` wins. */
interface Value {
  n: number;
  at: number;
}
interface Event {
  n: number;
  at: number;
}
const rules: FedCacheRules<Value | null, Event> = {
  reflects: (value, event) => value !== null && value.at >= event.at,
  apply: (value, event) => (value !== null && value.at >= event.at ? value : { ...event }),
};
const OPTIONS = { maxEntries: 100, maxAgeMs: 60_000, pendingMaxAgeMs: 60_000 };

function setup() {
  const feed = { epoch: 1 as number | null, liveEpoch: () => feed.epoch };
  const cache = new FedCache(feed, rules, OPTIONS);
  const db = new Map<string, Value>();
  let loads = 0;
  const load = async (key: string) => {
    loads++;
    return db.get(key) ?? null;
  };
  return { feed, cache, db, load, loads: () => loads };
}

describe('FedCache', () => {
  it('keeps a loaded copy while the feed is live and serves it without loading again', async () => {
    const { cache, db, load, loads } = setup();
    db.set('a', { n: 1, at: 1 });
    await cache.get('a', load);
    expect(await cache.get('a', load)).toEqual({ n: 1, at: 1 });
    expect(loads()).toBe(1);
  });

  it('loads every time while the feed is not live, and never uses what it kept before', async () => {
    const { feed, cache, db, load, loads } = setup();
    db.set('a', { n: 1, at: 1 });
    await cache.get('a', load);
    feed.epoch = null;
    await cache.get('a', load);
    await cache.get('a', load);
    feed.epoch = 2;
    db.set('a', { n: 2, at: 2 });
    expect(await cache.get('a', load)).toEqual({ n: 2, at: 2 });
    expect(loads()).toBe(4);
  });

  it('does not keep a copy loaded across a change of liveness', async () => {
    const { feed, cache, db, loads } = setup();
    db.set('a', { n: 1, at: 1 });
    await cache.get('a', async () => {
      feed.epoch = 2; // the feed went down and came back while the database answered
      return db.get('a')!;
    });
    await cache.get('a', async () => db.get('a')!);
    expect(cache.stats.uncached).toBe(1);
    expect(loads()).toBe(0);
  });

  it('answers with an event the database copy does not show yet, and keeps nothing until it does', async () => {
    const { cache, db, load, loads } = setup();
    db.set('a', { n: 1, at: 1 });
    await cache.get('a', load);
    cache.observe('a', { n: 5, at: 5 }); // seen by this replica's feed before the consumer wrote it
    expect(await cache.get('a', load)).toEqual({ n: 5, at: 5 });
    expect(await cache.get('a', load)).toEqual({ n: 5, at: 5 });
    expect(loads()).toBe(3);
    db.set('a', { n: 5, at: 5 }); // the consumer wrote it
    await cache.get('a', load);
    await cache.get('a', load);
    expect(loads()).toBe(4);
    expect(cache.stats.pendingKeys).toBe(0);
  });

  it('does not keep a copy loaded before an event that arrived during the load', async () => {
    const { cache, db } = setup();
    db.set('a', { n: 1, at: 1 });
    const value = await cache.get('a', async () => {
      const old = db.get('a')!;
      cache.observe('a', { n: 2, at: 2 });
      return old;
    });
    expect(value).toEqual({ n: 2, at: 2 });
    expect(cache.stats.entries).toBe(0);
  });

  it('loads what several keys miss in one call', async () => {
    const { cache } = setup();
    const calls: string[][] = [];
    const loadMany = async (keys: readonly string[]) => {
      calls.push([...keys]);
      return new Map(keys.map((key) => [key, null]));
    };
    await cache.getMany(['a', 'b'], loadMany);
    await cache.getMany(['a', 'b', 'c'], loadMany);
    expect(calls).toEqual([['a', 'b'], ['c']]);
  });

  it('forgets pending events after their time and keeps at most maxEntries', async () => {
    const feed = { liveEpoch: () => 1 };
    const cache = new FedCache(feed, rules, {
      maxEntries: 2,
      maxAgeMs: 60_000,
      pendingMaxAgeMs: 1000,
    });
    cache.observe('x', { n: 1, at: 1 }, 0);
    cache.observe('y', { n: 1, at: 1 }, 5000);
    expect(cache.stats.pendingKeys).toBe(1);
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => null);
    expect(cache.stats.entries).toBe(2);
  });
});
