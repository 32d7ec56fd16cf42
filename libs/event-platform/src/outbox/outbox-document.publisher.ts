import type { mongo } from 'mongoose';
import type { Producer } from 'kafkajs';
import { errorMessage } from '../common/backoff';
import { mapLimited } from '../common/map-limited';
import { DocumentLocks } from '../locking/document-locks';
import { EventMetrics } from '../instrumentation/event-metrics';
import { OutboxEntry } from './outbox-entry';
import { markFailed, outboxRewriteUpdate, removeEntries, topicMessagesOf } from './outbox-entries';

export interface OutboxDocument {
  _id: mongo.BSON.ObjectId | string | number;
  outbox?: OutboxEntry[];
  outboxVersion?: number;
  outboxSince?: Date;
  outboxPending?: true;
}

export const OUTBOX_PROJECTION = {
  outbox: 1,
  outboxVersion: 1,
  outboxSince: 1,
  outboxPending: 1,
} as const;

export type PublishResult = { ok: true; published: number } | { ok: false; error: string };

/**
 * Publishes the pending entries of documents, oldest first, then removes exactly those
 * entries. A later entry is only ever sent together with (after) every earlier pending one
 * of its document, so the first delivery of each event keeps the document's order even when
 * a publish is repeated (a failed removal, a relay handover): at-least-once, never reordered.
 */
export class OutboxDocumentPublisher {
  constructor(
    private readonly producer: () => Promise<Producer>,
    private readonly locks: DocumentLocks,
    private readonly maxEntriesPerSend: number,
    /** Removals of published entries running at once (each is lock, update, unlock). */
    private readonly writeConcurrency = 8,
  ) {}

  /**
   * Many documents in one Kafka request, then their removals side by side. When the send
   * fails nothing is marked: the caller publishes the documents one by one (`publish`) to
   * find the one that fails and let the others through.
   */
  async publishBatch(
    collectionName: string,
    collection: mongo.Collection<OutboxDocument>,
    documents: readonly OutboxDocument[],
  ): Promise<PublishResult> {
    const runs = documents.map((document) => ({
      document,
      run: (document.outbox ?? []).slice(0, this.maxEntriesPerSend),
    }));
    const entries = runs.flatMap(({ run }) => run);
    if (entries.length > 0) {
      try {
        const producer = await this.producer();
        await producer.sendBatch({ acks: -1, topicMessages: topicMessagesOf(entries) });
        EventMetrics.published(entries);
      } catch (error) {
        return { ok: false, error: errorMessage(error) };
      }
    }
    // A removal that fails leaves its entries to be published again: a duplicate, not a loss.
    await mapLimited(runs, this.writeConcurrency, ({ document, run }) => {
      const ids = new Set(run.map((entry) => entry.eventId));
      return this.rewrite(collectionName, collection, document, (current) =>
        removeEntries(current, ids),
      ).catch(() => false);
    });
    return { ok: true, published: entries.length };
  }

  async publish(
    collectionName: string,
    collection: mongo.Collection<OutboxDocument>,
    document: OutboxDocument,
  ): Promise<PublishResult> {
    const rewrite = (transform: (entries: OutboxEntry[]) => OutboxEntry[]) =>
      this.rewrite(collectionName, collection, document, transform);
    const run = (document.outbox ?? []).slice(0, this.maxEntriesPerSend);
    if (run.length === 0) {
      await rewrite((entries) => entries);
      return { ok: true, published: 0 };
    }
    const ids = new Set(run.map((entry) => entry.eventId));
    try {
      const producer = await this.producer();
      await producer.sendBatch({ acks: -1, topicMessages: topicMessagesOf(run) });
      EventMetrics.published(run);
    } catch (error) {
      const message = errorMessage(error);
      await rewrite((entries) => markFailed(entries, ids, message)).catch(() => false);
      return { ok: false, error: message };
    }
    // If this removal fails the entries stay and are published again: a duplicate, not a loss.
    await rewrite((entries) => removeEntries(entries, ids));
    return { ok: true, published: run.length };
  }

  /** `rewriteOutbox` under the document's lock, starting from the copy the relay read. */
  private rewrite(
    collectionName: string,
    collection: mongo.Collection<OutboxDocument>,
    document: OutboxDocument,
    transform: (entries: OutboxEntry[]) => OutboxEntry[],
  ): Promise<boolean> {
    return this.locks.withLock(collectionName, document._id, () =>
      rewriteOutbox(collection, document._id, transform, 3, document),
    );
  }
}

/**
 * Stores `transform(outbox)` if the document's outbox is still the one transformed. Must run
 * under the document's lock: FerretDB would otherwise let this write overwrite a concurrent
 * write of the service (its updates are read-then-overwrite). The version condition stays as
 * a guard against a writer that did not take the lock; edits are by eventId, so a retry is
 * safe. `known` (a copy read before the lock was taken) saves the first read; when someone
 * wrote the document since, the version differs and the document is read again.
 */
export async function rewriteOutbox(
  collection: mongo.Collection<OutboxDocument>,
  id: OutboxDocument['_id'],
  transform: (entries: OutboxEntry[]) => OutboxEntry[],
  attempts = 3,
  known?: OutboxDocument,
): Promise<boolean> {
  let current: OutboxDocument | null | undefined = known;
  for (let attempt = 0; attempt < attempts; attempt++) {
    current ??= await collection.findOne({ _id: id }, { projection: OUTBOX_PROJECTION });
    if (!current) return false;
    const filter =
      current.outboxVersion === undefined
        ? { _id: id, outboxVersion: { $exists: false } }
        : { _id: id, outboxVersion: current.outboxVersion };
    const result = await collection.updateOne(
      filter,
      outboxRewriteUpdate(transform(current.outbox ?? [])),
    );
    if (result.matchedCount === 1) return true;
    current = undefined;
  }
  return false;
}
