import type { mongo } from 'mongoose';
import { outboxOldestPendingAge, outboxPendingEvents } from '@metered/service-kit';
import { OUTBOX_PENDING_FILTER } from '../outbox/outbox-entry';

/**
 * Pending documents read per collection: the database reads whole documents, so a count of
 * a big backlog costs as much as reading it. Past this the gauge reads "at least".
 */
export const OUTBOX_METRICS_SAMPLE_LIMIT = 1000;
/** Scrapes closer together than this reuse the last reading (dashboards poll often). */
export const OUTBOX_METRICS_MAX_AGE_MS = 10_000;

interface PendingDocument {
  outbox?: unknown[];
  outboxSince?: Date;
}

/** When a service last read its outbox backlog (one per service's metrics, not per process). */
export interface OutboxMetricsReading {
  lastReadAt: number;
}

/**
 * Sets the outbox gauges to "nothing pending" without a query: for the relay leader whose own
 * latest poll of every collection found nothing (an idle service's scrapes then cost the
 * database nothing). At worst as stale as the relay's safety poll.
 */
export function recordEmptyOutbox(collections: readonly string[]): void {
  for (const name of collections) outboxPendingEvents.set({ collection: name }, 0);
  outboxOldestPendingAge.set(0);
}

/**
 * Sets `outbox_pending_events{collection}` (entries not yet published, counted over at most
 * OUTBOX_METRICS_SAMPLE_LIMIT pending documents) and `outbox_oldest_pending_age_seconds`
 * from the outbox collections — at scrape time, at most every OUTBOX_METRICS_MAX_AGE_MS.
 * Reads only pending documents (`outboxPending`, a filter the database answers from its index).
 */
export async function refreshOutboxMetrics(
  db: () => mongo.Db,
  collections: readonly string[],
  reading: OutboxMetricsReading,
  now = Date.now(),
): Promise<void> {
  if (now - reading.lastReadAt < OUTBOX_METRICS_MAX_AGE_MS) return;
  reading.lastReadAt = now;
  let oldest: number | null = null;
  for (const name of collections) {
    // Unsorted: FerretDB sorts in memory after reading every match; unsorted it stops at the limit.
    const documents = await db()
      .collection<PendingDocument>(name)
      .find(OUTBOX_PENDING_FILTER, { projection: { 'outbox.eventId': 1, outboxSince: 1 } })
      .limit(OUTBOX_METRICS_SAMPLE_LIMIT)
      .toArray();
    outboxPendingEvents.set(
      { collection: name },
      documents.reduce((sum, doc) => sum + (doc.outbox?.length ?? 0), 0),
    );
    for (const doc of documents) {
      const since = doc.outboxSince ? new Date(doc.outboxSince).getTime() : NaN;
      if (!Number.isNaN(since) && (oldest === null || since < oldest)) oldest = since;
    }
  }
  outboxOldestPendingAge.set(oldest === null ? 0 : Math.max(0, (now - oldest) / 1000));
}
