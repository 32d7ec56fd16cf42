import type { mongo } from 'mongoose';
import type { Producer } from 'kafkajs';
import { errorMessage } from '../common/backoff';
import { OutboxEntry } from './outbox-entry';
import { markFailed, outboxRewriteUpdate, removeEntries, topicMessagesOf } from './outbox-entries';

export interface OutboxDocument {
  _id: mongo.BSON.ObjectId | string | number;
  outbox?: OutboxEntry[];
  outboxVersion?: number;
  outboxSince?: Date;
}

export const OUTBOX_PROJECTION = { outbox: 1, outboxVersion: 1, outboxSince: 1 } as const;

export type PublishResult = { ok: true; published: number } | { ok: false; error: string };

/**
 * Publishes the pending entries of one document, oldest first, then removes exactly those
 * entries. A later entry is only ever sent together with (after) every earlier pending one,
 * so the first delivery of each event keeps the document's order even when a publish is
 * repeated (a failed removal, a relay handover): at-least-once, never reordered.
 */
export class OutboxDocumentPublisher {
  constructor(
    private readonly producer: () => Promise<Producer>,
    private readonly maxEntriesPerSend: number,
  ) {}

  async publish(
    collection: mongo.Collection<OutboxDocument>,
    document: OutboxDocument,
  ): Promise<PublishResult> {
    const run = (document.outbox ?? []).slice(0, this.maxEntriesPerSend);
    if (run.length === 0) {
      await rewriteOutbox(collection, document, (entries) => entries);
      return { ok: true, published: 0 };
    }
    const ids = new Set(run.map((entry) => entry.eventId));
    try {
      const producer = await this.producer();
      await producer.sendBatch({ acks: -1, topicMessages: topicMessagesOf(run) });
    } catch (error) {
      const message = errorMessage(error);
      await rewriteOutbox(collection, document, (entries) =>
        markFailed(entries, ids, message),
      ).catch(() => false);
      return { ok: false, error: message };
    }
    // If this removal fails the entries stay and are published again: a duplicate, not a loss.
    await rewriteOutbox(collection, document, (entries) => removeEntries(entries, ids));
    return { ok: true, published: run.length };
  }
}

/**
 * Writes `transform(outbox)` back only if `outboxVersion` is unchanged; when a service
 * appended events meanwhile, re-reads and applies the same edit (by eventId) again.
 */
export async function rewriteOutbox(
  collection: mongo.Collection<OutboxDocument>,
  document: OutboxDocument,
  transform: (entries: OutboxEntry[]) => OutboxEntry[],
  attempts = 5,
): Promise<boolean> {
  let current: OutboxDocument | null = document;
  for (let attempt = 0; attempt < attempts && current; attempt++) {
    const filter =
      current.outboxVersion === undefined
        ? { _id: current._id, outboxVersion: { $exists: false } }
        : { _id: current._id, outboxVersion: current.outboxVersion };
    const result = await collection.updateOne(
      filter,
      outboxRewriteUpdate(transform(current.outbox ?? [])),
    );
    if (result.matchedCount === 1) return true;
    current = (await collection.findOne(
      { _id: current._id },
      { projection: OUTBOX_PROJECTION },
    )) as OutboxDocument | null;
  }
  return false;
}
