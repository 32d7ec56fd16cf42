/** Where the cache learns whether it may be used (a ReplicaEventFeed). */
export interface LivenessSource {
  /** The current period of liveness, or null while the cache must not be used. */
  liveEpoch(now?: number): number | null;
}

/** How events change a value: the same rules the service's own consumer writes with. */
export interface FedCacheRules<V, E> {
  /** The value with the event applied (the value itself when the event changes nothing). */
  apply(value: V, event: E): V;
  /** Whether the value already shows the event (or something newer that overrides it). */
  reflects(value: V, event: E): boolean;
}

export interface FedCacheOptions {
  /** Entries kept at most; the oldest loaded goes first. */
  maxEntries: number;
  /** An entry is loaded again after this long, whatever the feed says (a backstop). */
  maxAgeMs: number;
  /**
   * How long an event waits for a database copy that shows it. One that never shows up (the
   * service's consumer parked it) is forgotten then; `maxAgeMs` bounds what that may cost.
   */
  pendingMaxAgeMs: number;
}

export interface FedCacheStats {
  hits: number;
  loads: number;
  /** Loads not kept: the feed was not live, or the database did not show an event yet. */
  uncached: number;
  entries: number;
  pendingKeys: number;
}

interface Entry<V> {
  value: V;
  epoch: number;
  loadedAt: number;
}

interface Pending<E> {
  events: E[];
  since: number;
}

/**
 * A per-replica cache of database copies kept sound by a feed of the events that change
 * them. The database copies are written by ONE replica's consumer, possibly after this
 * replica's feed saw the event, so an event does not just evict: it waits ("pending") until a
 * loaded copy shows it. A load that does not show every pending event of its key is not kept;
 * the caller gets the copy with those events applied. Nothing is kept while the feed is not
 * live, and nothing kept in an earlier period of liveness is used again.
 */
export class FedCache<V, E> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly pending = new Map<string, Pending<E>>();
  private counts = { hits: 0, loads: 0, uncached: 0 };

  constructor(
    private readonly feed: LivenessSource,
    private readonly rules: FedCacheRules<V, E>,
    private readonly options: FedCacheOptions,
  ) {}

  /** An event for `key` from the feed. */
  observe(key: string, event: E, now = Date.now()): void {
    this.entries.delete(key);
    const events = this.pending.get(key)?.events ?? [];
    // Re-inserted, so the map stays ordered by the latest event of each key.
    this.pending.delete(key);
    this.pending.set(key, { events: [...events, event], since: now });
    this.forgetOldPending(now);
  }

  async get(key: string, load: (key: string) => Promise<V>): Promise<V> {
    const values = await this.getMany([key], async ([only]) => new Map([[only, await load(only)]]));
    return values.get(key)!;
  }

  /** The values of `keys`; those not cached are loaded with one call of `loadMany`. */
  async getMany(
    keys: readonly string[],
    loadMany: (missing: readonly string[]) => Promise<Map<string, V>>,
  ): Promise<Map<string, V>> {
    const now = Date.now();
    const epoch = this.feed.liveEpoch(now);
    const values = new Map<string, V>();
    const missing: string[] = [];
    for (const key of new Set(keys)) {
      const entry = epoch === null ? undefined : this.entries.get(key);
      if (entry && entry.epoch === epoch && now - entry.loadedAt < this.options.maxAgeMs) {
        values.set(key, entry.value);
        this.counts.hits++;
      } else {
        missing.push(key);
      }
    }
    if (missing.length === 0) return values;
    const loaded = await loadMany(missing);
    // Still the same period of liveness after the load: nothing was missed meanwhile.
    const keepable = epoch !== null && this.feed.liveEpoch() === epoch;
    for (const key of missing) {
      if (!loaded.has(key)) throw new Error(`the loader returned nothing for ${key}`);
      const { value, complete } = this.withPending(key, loaded.get(key)!);
      values.set(key, value);
      this.counts.loads++;
      if (keepable && complete) this.keep(key, value, epoch, now);
      else this.counts.uncached++;
    }
    return values;
  }

  get stats(): FedCacheStats {
    return { ...this.counts, entries: this.entries.size, pendingKeys: this.pending.size };
  }

  clear(): void {
    this.entries.clear();
  }

  /** The loaded copy with the events it does not show yet; complete when it shows them all. */
  private withPending(key: string, loaded: V): { value: V; complete: boolean } {
    const waiting = this.pending.get(key);
    if (!waiting) return { value: loaded, complete: true };
    const missed = waiting.events.filter((event) => !this.rules.reflects(loaded, event));
    if (missed.length === 0) {
      this.pending.delete(key);
      return { value: loaded, complete: true };
    }
    waiting.events = missed;
    return {
      value: missed.reduce((value, event) => this.rules.apply(value, event), loaded),
      complete: false,
    };
  }

  private keep(key: string, value: V, epoch: number, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, epoch, loadedAt: now });
    while (this.entries.size > this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  private forgetOldPending(now: number): void {
    for (const [key, waiting] of this.pending) {
      if (now - waiting.since < this.options.pendingMaxAgeMs) return;
      this.pending.delete(key);
    }
  }
}
