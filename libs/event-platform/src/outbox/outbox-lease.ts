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
  /** In memory: the holder renews from it, without asking the database before every batch. */
  private expiresAt = 0;
  private nextAttemptAt = 0;

  constructor(
    private readonly store: LockStore,
    private readonly name: string,
    private readonly ttlMs: number,
    /** A replica without the lease asks for it at most this often, however often it is woken. */
    private readonly retryMs = 0,
  ) {}

  /**
   * True while this relay may publish; renews once a third of the TTL has passed. An idle
   * relay polls less often than the TTL, so its lease lapses between polls; it then renews
   * it in one write if nobody took it meanwhile (else it competes like any replica). Without
   * the lease, it asks again only `retryMs` after its last try: the writes of a replica that
   * does not relay wake its relay, and each try costs the database an insert and a read.
   */
  async acquireOrRenew(): Promise<boolean> {
    const now = Date.now();
    if (this.expiresAt - now > (this.ttlMs * 2) / 3) return true;
    if (this.expiresAt === 0 && now < this.nextAttemptAt) return false;
    const wasHeld = this.expiresAt > 0;
    let held = wasHeld && (await this.store.renew(this.name, this.owner, this.ttlMs));
    if (!held && (!wasHeld || this.expiresAt <= now)) {
      held = await this.store.tryAcquire(this.name, this.owner, this.ttlMs);
    }
    this.expiresAt = held ? now + this.ttlMs : 0;
    this.nextAttemptAt = held ? 0 : now + this.retryMs;
    return held;
  }

  /** How long until a replica without the lease asks for it again. */
  nextAttemptInMs(): number {
    return Math.max(1, this.nextAttemptAt - Date.now());
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
