import type { mongo } from 'mongoose';
import {
  outboxOldestPendingAge,
  outboxPendingEvents,
} from '@metered/service-kit/metrics/platform-metrics';
import { OUTBOX_PENDING_FILTER } from '../outbox/outbox-entry';

const PENDING = OUTBOX_PENDING_FILTER;
/** Documents read per collection and scrape; past it the rest count as one entry each. */
const SAMPLE_LIMIT = 2000;

interface PendingDocument {
  outbox?: unknown[];
  outboxSince?: Date;
}

/**
 * Sets `outbox_pending_events{collection}` (entries not yet published) and
 * `outbox_oldest_pending_age_seconds` from the outbox collections — run at scrape time.
 * Reads only the pending documents (indexed on `outboxPending`) and their entry ids.
 */
export async function refreshOutboxMetrics(
  db: () => mongo.Db,
  collections: readonly string[],
  now = Date.now(),
): Promise<void> {
  let oldest: number | null = null;
  for (const name of collections) {
    const collection = db().collection<PendingDocument>(name);
    const documents = await collection
      .find(PENDING, { projection: { 'outbox.eventId': 1, outboxSince: 1 } })
      .limit(SAMPLE_LIMIT)
      .toArray();
    let pending = documents.reduce((sum, doc) => sum + (doc.outbox?.length ?? 0), 0);
    if (documents.length === SAMPLE_LIMIT) {
      pending += (await collection.countDocuments(PENDING)) - SAMPLE_LIMIT;
    }
    outboxPendingEvents.set({ collection: name }, pending);
    for (const doc of documents) {
      const since = doc.outboxSince ? new Date(doc.outboxSince).getTime() : NaN;
      if (!Number.isNaN(since) && (oldest === null || since < oldest)) oldest = since;
    }
  }
  outboxOldestPendingAge.set(oldest === null ? 0 : Math.max(0, (now - oldest) / 1000));
}
