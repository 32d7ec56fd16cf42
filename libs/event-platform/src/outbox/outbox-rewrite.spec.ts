import { OutboxEntry } from './outbox-entry';
import {
  chunked,
  holdsAnyOf,
  OutboxDocument,
  removalOperation,
  sameOutboxFilter,
} from './outbox-rewrite';

function entry(eventId: string, minute: number): OutboxEntry {
  return {
    eventId,
    topic: 't',
    key: 'k',
    type: 'WidgetCounted',
    version: 1,
    envelope: `{"eventId":"${eventId}"}`,
    headers: {},
    status: 'pending',
    attempts: 0,
    lastError: null,
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, minute)),
  };
}

describe('batched outbox removals', () => {
  const document: OutboxDocument = {
    _id: 'o-1',
    outbox: [entry('a', 1), entry('b', 2)],
    outboxVersion: 4,
    outboxPending: true,
  };

  it('conditions a removal on the outbox version the relay read', () => {
    expect(sameOutboxFilter(document)).toEqual({ _id: 'o-1', outboxVersion: 4 });
    expect(sameOutboxFilter({ _id: 7 })).toEqual({ _id: 7, outboxVersion: { $exists: false } });
  });

  it('empties a document whose whole outbox was published and takes it off the pending list', () => {
    const { updateOne } = removalOperation({ document, eventIds: new Set(['a', 'b']) });
    expect(updateOne).toEqual({
      filter: { _id: 'o-1', outboxVersion: 4 },
      update: {
        $set: { outbox: [] },
        $unset: { outboxSince: '', outboxPending: '' },
        $inc: { outboxVersion: 1 },
      },
    });
  });

  it('keeps the entries that were not published, with the oldest one as outboxSince', () => {
    const { updateOne } = removalOperation({ document, eventIds: new Set(['a']) });
    expect(updateOne.update).toEqual({
      $set: { outbox: [entry('b', 2)], outboxSince: entry('b', 2).createdAt, outboxPending: true },
      $inc: { outboxVersion: 1 },
    });
  });

  it('sees whether a document read again still holds any of the published entries', () => {
    expect(holdsAnyOf(document, new Set(['b', 'z']))).toBe(true);
    expect(holdsAnyOf(document, new Set(['z']))).toBe(false);
    expect(holdsAnyOf({ _id: 'o-2' }, new Set(['a']))).toBe(false);
  });

  it('splits removals into commands of a bounded size, in order', () => {
    expect(chunked([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunked([], 8)).toEqual([]);
  });
});
