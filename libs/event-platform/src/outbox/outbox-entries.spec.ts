import { OutboxEntry } from './outbox-entry';
import {
  markFailed,
  oldestCreatedAt,
  outboxRewriteUpdate,
  removeEntries,
  topicMessagesOf,
} from './outbox-entries';

function entry(eventId: string, topic: string, minute: number): OutboxEntry {
  return {
    eventId,
    topic,
    key: 'k',
    type: 'WidgetCounted',
    version: 1,
    envelope: `{"eventId":"${eventId}"}`,
    headers: { 'event-id': eventId },
    status: 'pending',
    attempts: 0,
    lastError: null,
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, minute)),
  };
}

describe('outbox entry edits', () => {
  const entries = [entry('a', 't1', 1), entry('b', 't2', 2), entry('c', 't1', 3)];

  it('removes published entries by event id and keeps the rest in order', () => {
    expect(removeEntries(entries, new Set(['a', 'c'])).map((e) => e.eventId)).toEqual(['b']);
  });

  it('records a failed attempt on exactly the entries that were tried', () => {
    const failed = markFailed(entries, new Set(['a']), 'broker down');
    expect(failed[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'broker down' });
    expect(failed[1]).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    expect(markFailed(failed, new Set(['a']), 'again')[0].attempts).toBe(2);
  });

  it('moves outboxSince to the oldest remaining entry, or unsets it and the pending flag when none is left', () => {
    expect(oldestCreatedAt(entries.slice(1))).toEqual(entries[1].createdAt);
    expect(outboxRewriteUpdate(entries.slice(1))).toEqual({
      $set: { outbox: entries.slice(1), outboxSince: entries[1].createdAt, outboxPending: true },
      $inc: { outboxVersion: 1 },
    });
    expect(outboxRewriteUpdate([])).toEqual({
      $set: { outbox: [] },
      $unset: { outboxSince: '', outboxPending: '' },
      $inc: { outboxVersion: 1 },
    });
  });

  it('groups messages by topic keeping each topic in entry order', () => {
    const grouped = topicMessagesOf(entries);
    expect(grouped.map((g) => [g.topic, g.messages.map((m) => m.headers['event-id'])])).toEqual([
      ['t1', ['a', 'c']],
      ['t2', ['b']],
    ]);
    expect(grouped[0].messages[0]).toEqual({
      key: 'k',
      value: '{"eventId":"a"}',
      headers: { 'event-id': 'a' },
    });
  });
});
