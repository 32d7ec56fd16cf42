import { OutboxEntry } from './outbox-entry';

/**
 * Pure edits of a document's outbox array. The relay computes the new array from what it
 * read and writes it back only if nobody changed the document meanwhile, because the
 * database cannot remove array elements by condition reliably ($pull with a condition
 * silently removes nothing on FerretDB 1.24).
 */
export function removeEntries(
  entries: readonly OutboxEntry[],
  eventIds: ReadonlySet<string>,
): OutboxEntry[] {
  return entries.filter((entry) => !eventIds.has(entry.eventId));
}

export function markFailed(
  entries: readonly OutboxEntry[],
  eventIds: ReadonlySet<string>,
  error: string,
): OutboxEntry[] {
  return entries.map((entry) =>
    eventIds.has(entry.eventId)
      ? {
          ...entry,
          status: 'failed',
          attempts: (entry.attempts ?? 0) + 1,
          lastError: error.slice(0, 1000),
        }
      : entry,
  );
}

/** The creation time of the oldest entry, i.e. the new `outboxSince`; undefined when empty. */
export function oldestCreatedAt(entries: readonly OutboxEntry[]): Date | undefined {
  let oldest: Date | undefined;
  for (const entry of entries) {
    const created = new Date(entry.createdAt);
    if (!oldest || created < oldest) oldest = created;
  }
  return oldest;
}

/**
 * The update that stores a recomputed outbox. `outboxSince` and `outboxPending` are unset
 * (never nulled) when nothing is left, so the relay's query no longer finds the document.
 */
export function outboxRewriteUpdate(entries: readonly OutboxEntry[]): Record<string, unknown> {
  const since = oldestCreatedAt(entries);
  return since
    ? {
        $set: { outbox: entries, outboxSince: since, outboxPending: true },
        $inc: { outboxVersion: 1 },
      }
    : {
        $set: { outbox: entries },
        $unset: { outboxSince: '', outboxPending: '' },
        $inc: { outboxVersion: 1 },
      };
}

/** Kafka messages for a run of entries, grouped by topic with each topic's order kept. */
export function topicMessagesOf(entries: readonly OutboxEntry[]) {
  const byTopic = new Map<
    string,
    { key: string; value: string; headers: Record<string, string> }[]
  >();
  for (const entry of entries) {
    const messages = byTopic.get(entry.topic) ?? [];
    messages.push({ key: entry.key, value: entry.envelope, headers: { ...entry.headers } });
    byTopic.set(entry.topic, messages);
  }
  return [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages }));
}
