import type { mongo } from 'mongoose';
import type { Producer } from 'kafkajs';
import { errorMessage } from '../common/backoff';
import { mapLimited } from '../common/map-limited';
import { DocumentLocks } from '../locking/document-locks';
import { EventMetrics } from '../instrumentation/event-metrics';
import { OutboxEntry } from './outbox-entry';
import { markFailed, removeEntries, topicMessagesOf } from './outbox-entries';
import { OutboxDocument, OutboxRemoval, removePublished, rewriteOutbox } from './outbox-rewrite';

export type PublishResult = { ok: true; published: number } | { ok: false; error: string };

/** How the removals after publishing went, for the relay's metrics. */
export interface RemovalStats {
  /** Documents whose lock a writer held when the batch took its locks (removed one by one). */
  locksBusy: number;
  /** Documents read again because a writer changed them between the poll and the removal. */
  reread: number;
  /** Documents whose published entries could not be removed (they are published again). */
  unremoved: number;
}

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
    /** Removals of busy documents' entries running at once (each is lock, update, unlock). */
    private readonly writeConcurrency = 8,
  ) {}

  readonly stats: RemovalStats = { locksBusy: 0, reread: 0, unremoved: 0 };

  /**
   * Many documents in one Kafka request, then their removals in one batch (`removeBatch`).
   * When the send fails nothing is marked: the caller publishes the documents one by one
   * (`publish`) to find the one that fails and let the others through.
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
    const removals = runs.map(({ document, run }) => ({
      document,
      eventIds: new Set(run.map((entry) => entry.eventId)),
    }));
    await this.removeBatch(collectionName, collection, removals);
    return { ok: true, published: entries.length };
  }

  /**
   * Removes published entries from many documents under their locks in three commands: one
   * insert of the free documents' locks, one bulk write of the version-conditioned removals,
   * one delete of the locks. A document whose lock a writer holds is not skipped: its removal
   * waits for the lock on its own (`withLock`, which also breaks a crashed holder's expired
   * lock). A removal that fails leaves its entries to be published again: a duplicate, not a
   * loss, and still in order (each publish sends a document's pending entries oldest first).
   */
  private async removeBatch(
    collectionName: string,
    collection: mongo.Collection<OutboxDocument>,
    removals: readonly OutboxRemoval[],
  ): Promise<void> {
    const byLockId = new Map(
      removals.map((removal) => [
        DocumentLocks.lockId(collectionName, removal.document._id),
        removal,
      ]),
    );
    const removalOf = (id: OutboxDocument['_id']) =>
      byLockId.get(DocumentLocks.lockId(collectionName, id)) as OutboxRemoval;
    let busy: OutboxRemoval[] = [];
    try {
      const outcome = await this.locks.withFreeLocks(
        collectionName,
        removals.map(({ document }) => document._id),
        (locked) => removePublished(collection, locked.map(removalOf)),
      );
      busy = outcome.busy.map(removalOf);
      this.stats.locksBusy += busy.length;
      this.stats.reread += outcome.result?.reread ?? 0;
      this.stats.unremoved += outcome.result?.left ?? 0;
    } catch {
      this.stats.unremoved += removals.length;
      return;
    }
    await mapLimited(busy, this.writeConcurrency, async ({ document, eventIds }) => {
      const removed = await this.rewrite(collectionName, collection, document, (current) =>
        removeEntries(current, eventIds),
      ).catch(() => false);
      if (!removed) this.stats.unremoved++;
    });
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
