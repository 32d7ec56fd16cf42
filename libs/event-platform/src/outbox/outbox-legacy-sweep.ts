import { Logger } from '@nestjs/common';
import type { mongo } from 'mongoose';
import { errorMessage } from '../common/backoff';
import { DocumentLocks } from '../locking/document-locks';
import type { OutboxDocument } from './outbox-rewrite';

/** Documents with pending entries written before `outboxPending` existed. */
export const PENDING_WITHOUT_FLAG = {
  outboxSince: { $type: 'date' },
  outboxPending: { $exists: false },
} as const;

/** Documents flagged per sweep query; a full run means another sweep follows. */
const SWEEP_LIMIT = 1000;
/** After a failed sweep (a busy database, say), the next try waits this long. */
const RETRY_AFTER_MS = 5 * 60 * 1000;

/**
 * Finds documents of a collection written before `outboxPending` existed and flags them, so
 * the relay's (cheap, indexed) query publishes them. The sweep's query cannot use an index
 * on FerretDB — it reads the whole collection — so it runs beside the relay (never holding up
 * its publishing), once per collection after start, and not again soon after a failure.
 */
export class OutboxLegacySweep {
  private readonly logger = new Logger(OutboxLegacySweep.name);
  private readonly swept = new Set<string>();
  private readonly retryAt = new Map<string, number>();
  private running?: Promise<void>;

  constructor(
    private readonly db: () => mongo.Db,
    private readonly locks: DocumentLocks,
  ) {}

  /** Starts sweeping the collections that need it, unless a sweep is running; `flagged` after each find. */
  start(collections: Iterable<string>, flagged: () => void): void {
    if (this.running) return;
    const due = [...collections].filter(
      (name) => !this.swept.has(name) && (this.retryAt.get(name) ?? 0) <= Date.now(),
    );
    if (due.length === 0) return;
    this.running = this.sweepAll(due, flagged).finally(() => (this.running = undefined));
  }

  /** Waits for a running sweep (on stop). */
  async settle(): Promise<void> {
    await this.running;
  }

  private async sweepAll(collections: string[], flagged: () => void): Promise<void> {
    for (const name of collections) {
      try {
        while ((await this.sweepOnce(name)) === SWEEP_LIMIT) flagged();
        this.swept.add(name);
        flagged();
      } catch (error) {
        this.retryAt.set(name, Date.now() + RETRY_AFTER_MS);
        this.logger.warn(
          `sweeping ${name} for unflagged outbox entries failed: ${errorMessage(error)}`,
        );
      }
    }
  }

  /** Flags up to SWEEP_LIMIT documents; returns how many it found. */
  private async sweepOnce(name: string): Promise<number> {
    const collection = this.db().collection<OutboxDocument>(name);
    const found = await collection
      .find(PENDING_WITHOUT_FLAG, { projection: { _id: 1 } })
      .limit(SWEEP_LIMIT)
      .toArray();
    for (const { _id } of found) {
      // Under the document's lock: FerretDB updates overwrite the whole document.
      await this.locks.withLock(name, _id, () =>
        collection.updateOne({ _id, ...PENDING_WITHOUT_FLAG }, { $set: { outboxPending: true } }),
      );
    }
    if (found.length > 0)
      this.logger.log(`flagged ${found.length} documents of ${name} for the relay`);
    return found.length;
  }
}
