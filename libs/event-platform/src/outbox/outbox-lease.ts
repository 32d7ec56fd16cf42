import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { mongo } from 'mongoose';

export const LEASE_COLLECTION = 'outbox_relay_leases';

export interface LeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

/**
 * One relay per service at a time. Replicas compete for `{_id: <service>}` in
 * `outbox_relay_leases` with a conditional update (mine, or expired) — `$or` + `$lt` work
 * on FerretDB. The holder renews every third of the TTL; a replica that stops releases
 * it so another takes over at once; a crashed one is replaced after the TTL.
 * Replica clocks are assumed to agree to well within the TTL.
 */
export class OutboxLease {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private expiresAt = 0;

  constructor(
    private readonly leases: () => mongo.Collection<LeaseDocument>,
    private readonly name: string,
    private readonly ttlMs: number,
  ) {}

  /** True while this relay may publish; renews when a third of the TTL has passed. */
  async acquireOrRenew(): Promise<boolean> {
    const now = Date.now();
    if (this.expiresAt - now > (this.ttlMs * 2) / 3) return true;
    try {
      const result = await this.leases().updateOne(
        { _id: this.name, $or: [{ owner: this.owner }, { expiresAt: { $lt: new Date(now) } }] },
        { $set: { owner: this.owner, expiresAt: new Date(now + this.ttlMs) } },
        { upsert: true },
      );
      if (result.matchedCount === 1 || result.upsertedCount === 1) {
        this.expiresAt = now + this.ttlMs;
        return true;
      }
    } catch (error) {
      // The upsert collides with the live lease of another replica: not ours.
      if ((error as { code?: number }).code !== 11000) throw error;
    }
    this.expiresAt = 0;
    return false;
  }

  get held(): boolean {
    return this.expiresAt > Date.now();
  }

  async release(): Promise<void> {
    if (this.expiresAt === 0) return;
    this.expiresAt = 0;
    await this.leases().updateOne(
      { _id: this.name, owner: this.owner },
      { $set: { expiresAt: new Date(0) } },
    );
  }
}
