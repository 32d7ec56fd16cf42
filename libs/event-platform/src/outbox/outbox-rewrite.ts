import type { mongo } from 'mongoose';
import { OutboxEntry } from './outbox-entry';
import { outboxRewriteUpdate, removeEntries } from './outbox-entries';

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

/** Published entries to take out of a document, and the copy of it they were read from. */
export interface OutboxRemoval {
  document: OutboxDocument;
  eventIds: ReadonlySet<string>;
}

/** Matches the document only while its outbox is still the one in `document`. */
export function sameOutboxFilter(document: OutboxDocument): Record<string, unknown> {
  return document.outboxVersion === undefined
    ? { _id: document._id, outboxVersion: { $exists: false } }
    : { _id: document._id, outboxVersion: document.outboxVersion };
}

/** The bulk-write operation that stores `removal.document`'s outbox without the entries. */
export function removalOperation({ document, eventIds }: OutboxRemoval) {
  return {
    updateOne: {
      filter: sameOutboxFilter(document),
      update: outboxRewriteUpdate(removeEntries(document.outbox ?? [], eventIds)),
    },
  };
}

/** Whether the document still holds one of the entries (its removal is still to do). */
export function holdsAnyOf(document: OutboxDocument, eventIds: ReadonlySet<string>): boolean {
  return (document.outbox ?? []).some((entry) => eventIds.has(entry.eventId));
}

/**
 * Update statements per command. FerretDB 1.24 keeps each statement's read — and the
 * PostgreSQL connection under it — open until the whole command has run (measured: one bulk
 * of ~30 updates beside a few writers took all 50 connections of its pool and hung it for
 * good). Eight statements hold no more connections than the eight concurrent single
 * removals the relay used to run.
 */
export const REMOVALS_PER_COMMAND = 8;

/** `items` in runs of at most `size`, in order. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

/**
 * Takes published entries out of many documents: bulk writes of version-conditioned updates,
 * REMOVALS_PER_COMMAND to a command. Must run under the documents' locks (see
 * `rewriteOutbox`). When a writer changed some documents of a command between the relay's
 * read and its locks, their conditions miss and the result does not say which: each of that
 * command's documents is read again and, if it still holds its entries, written again.
 * Returns how many removals were not done (their entries stay and are published again: a
 * duplicate, not a loss) and how many documents were read again.
 */
export async function removePublished(
  collection: mongo.Collection<OutboxDocument>,
  removals: readonly OutboxRemoval[],
  attempts = 3,
): Promise<{ left: number; reread: number }> {
  let left = 0;
  let reread = 0;
  for (const chunk of chunked(removals, REMOVALS_PER_COMMAND)) {
    const result = await collection.bulkWrite(chunk.map(removalOperation) as never, {
      ordered: false,
    });
    if (result.matchedCount === chunk.length) continue;
    for (const removal of chunk) {
      reread++;
      if (!(await removeAgain(collection, removal, attempts))) left++;
    }
  }
  return { left, reread };
}

/** One document's removal from a fresh read; true when done (or nothing is left to remove). */
async function removeAgain(
  collection: mongo.Collection<OutboxDocument>,
  { document, eventIds }: OutboxRemoval,
  attempts: number,
): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = await collection.findOne(
      { _id: document._id },
      { projection: OUTBOX_PROJECTION },
    );
    if (!current || !holdsAnyOf(current, eventIds)) return true;
    const result = await collection.updateOne(
      sameOutboxFilter(current),
      outboxRewriteUpdate(removeEntries(current.outbox ?? [], eventIds)),
    );
    if (result.matchedCount === 1) return true;
  }
  return false;
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
    const result = await collection.updateOne(
      sameOutboxFilter(current),
      outboxRewriteUpdate(transform(current.outbox ?? [])),
    );
    if (result.matchedCount === 1) return true;
    current = undefined;
  }
  return false;
}
