import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { LockStore } from '../locking/lock-store';

export const LEASE_COLLECTION = 'outbox_relay_leases';

/**
 * One relay per service at a time: the lease `{_id: <service>, owner, expiresAt}` in
 * `outbox_relay_leases`, taken with an insert (the only atomic write on FerretDB, see
 * LockStore), renewed by its holder every third of the TTL, handed back on stop, and taken
 * over by another replica once it expired after a crash. If two replicas ever overlap
 * (clock trouble, the rare stale-lease race), the cost is duplicates, not loss or
 * reordering: removals happen under document locks and each publish sends a document's
 * pending entries oldest first. Replica clocks must agree to well within the TTL.
 */
export class OutboxLease {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private expiresAt = 0;

  constructor(
    private readonly store: LockStore,
    private readonly name: string,
    private readonly ttlMs: number,
  ) {}

  /**
   * True while this relay may publish; renews once a third of the TTL has passed. An idle
   * relay polls less often than the TTL, so its lease lapses between polls; it then renews
   * it in one write if nobody took it meanwhile (else it competes like any replica).
   */
  async acquireOrRenew(): Promise<boolean> {
    const now = Date.now();
    if (this.expiresAt - now > (this.ttlMs * 2) / 3) return true;
    const wasHeld = this.expiresAt > 0;
    let held = wasHeld && (await this.store.renew(this.name, this.owner, this.ttlMs));
    if (!held && (!wasHeld || this.expiresAt <= now)) {
      held = await this.store.tryAcquire(this.name, this.owner, this.ttlMs);
    }
    this.expiresAt = held ? now + this.ttlMs : 0;
    return held;
  }

  get held(): boolean {
    return this.expiresAt > Date.now();
  }

  async release(): Promise<void> {
    if (this.expiresAt === 0) return;
    this.expiresAt = 0;
    await this.store.release(this.name, this.owner);
  }
}
