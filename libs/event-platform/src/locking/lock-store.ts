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
}
