import type { mongo } from 'mongoose';

export interface LockDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

/**
 * Exclusive, expiring locks built on the one write FerretDB 1.24 makes atomic: an insert
 * into a unique index. Its updates are NOT atomic — it reads the matching document, then
 * overwrites it by _id — so a filter such as `{ owner: me }` or `{ version: 3 }` does not
 * protect a write against a concurrent one (measured: 400 concurrent `$inc` ended at 82).
 *
 * - acquire = insert `{_id, owner, expiresAt}`; E11000 means someone holds it;
 * - an expired lock (its holder crashed) is deleted and the insert retried;
 * - release = delete by `_id` and owner.
 * The batch forms take and release many locks of one owner in one command each.
 * Breaking an expired lock has a small race (two contenders breaking the same stale lock
 * at the same millisecond may both get it); callers tolerate that (see their docs).
 */
export class LockStore {
  constructor(private readonly collection: () => mongo.Collection<LockDocument>) {}

  async tryAcquire(id: string, owner: string, ttlMs: number): Promise<boolean> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await this.collection().insertOne({
          _id: id,
          owner,
          expiresAt: new Date(Date.now() + ttlMs),
        });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
      }
      const current = await this.collection().findOne({ _id: id });
      if (current && current.owner === owner) return this.renew(id, owner, ttlMs);
      if (current && current.expiresAt.getTime() > Date.now()) return false;
      if (current) {
        await this.collection().deleteOne({
          _id: id,
          owner: current.owner,
          expiresAt: current.expiresAt,
        });
      }
    }
    return false;
  }

  /** Extends a lock this owner holds; false when it expired and someone else took it. */
  async renew(id: string, owner: string, ttlMs: number): Promise<boolean> {
    const result = await this.collection().updateOne(
      { _id: id, owner },
      { $set: { expiresAt: new Date(Date.now() + ttlMs) } },
    );
    return result.matchedCount === 1;
  }

  async release(id: string, owner: string): Promise<void> {
    await this.collection().deleteOne({ _id: id, owner });
  }

  /**
   * Takes every free lock of `ids` for `owner` in one unordered insert and returns the ids it
   * got. The others are held — by a live holder, or by one that crashed: this does not wait
   * and does not break expired locks (`tryAcquire` does, one by one).
   */
  async tryAcquireMany(ids: readonly string[], owner: string, ttlMs: number): Promise<string[]> {
    if (ids.length === 0) return [];
    const expiresAt = new Date(Date.now() + ttlMs);
    try {
      await this.collection().insertMany(
        ids.map((_id) => ({ _id, owner, expiresAt })),
        { ordered: false },
      );
      return [...ids];
    } catch (error) {
      const refused = refusedInsertIndexes(error);
      const acquired = ids.filter((_, index) => !refused.duplicates.has(index));
      if (!refused.onlyDuplicates) {
        // Not a plain "held": hand back what was taken (or expires by itself) and report it.
        await this.releaseMany(acquired, owner).catch(() => undefined);
        throw error;
      }
      return acquired;
    }
  }

  /** Releases the locks of `ids` that `owner` holds, in one delete. */
  async releaseMany(ids: readonly string[], owner: string): Promise<void> {
    if (ids.length === 0) return;
    await this.collection().deleteMany({ _id: { $in: [...ids] }, owner });
  }
}

/**
 * The positions an unordered insert refused as duplicate keys, and whether that was its only
 * trouble. Reads the driver's bulk write error (`writeErrors`: one or many, each with `index`
 * and `code`), the same on FerretDB and MongoDB.
 */
export function refusedInsertIndexes(error: unknown): {
  duplicates: Set<number>;
  onlyDuplicates: boolean;
} {
  const raw = (error as { writeErrors?: unknown }).writeErrors;
  const writeErrors = (Array.isArray(raw) ? raw : raw ? [raw] : []) as {
    index?: number;
    code?: number;
  }[];
  const duplicates = new Set<number>();
  let onlyDuplicates = writeErrors.length > 0;
  for (const { index, code } of writeErrors) {
    if (code === 11000 && typeof index === 'number') duplicates.add(index);
    else onlyDuplicates = false;
  }
  return { duplicates, onlyDuplicates };
}
