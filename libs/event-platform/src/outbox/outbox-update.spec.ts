import { createOutgoingEvent } from './outbox-entry';
import { newDocumentWithOutbox, withOutbox } from './outbox-update';
import { WidgetCountedEvent } from '@metered/events-core/testing';

const now = new Date('2025-01-02T03:04:05.000Z');
const event = () =>
  createOutgoingEvent(WidgetCountedEvent, { widgetId: 'w-1', count: 1 }, { producer: 'registry' });

describe('withOutbox', () => {
  it('pushes the entries, bumps the version, keeps the oldest pending time and flags the document pending', () => {
    const first = event();
    const update = withOutbox({ $set: { count: 1 } }, [first], now) as Record<
      string,
      Record<string, unknown>
    >;
    expect(update.$set).toEqual({ count: 1, outboxPending: true });
    expect(update.$inc).toEqual({ outboxVersion: 1 });
    expect(update.$min).toEqual({ outboxSince: now });
    const pushed = (update.$push.outbox as { $each: Record<string, unknown>[] }).$each;
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({
      eventId: first.envelope.eventId,
      topic: 'test.widget.v1',
      key: 'w-1',
      type: 'WidgetCounted',
      version: 1,
      status: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: now,
    });
    expect(JSON.parse(pushed[0].envelope as string)).toEqual(first.envelope);
    expect(pushed[0].headers).toMatchObject({
      'event-id': first.envelope.eventId,
      'event-type': 'WidgetCounted',
    });
  });

  it("merges with the caller's own operators and turns plain fields into $set", () => {
    const update = withOutbox(
      { status: 'held', $inc: { revision: 1 }, $push: { notes: 'x' } },
      [event()],
      now,
    );
    expect(update).toMatchObject({
      $set: { status: 'held' },
      $inc: { revision: 1, outboxVersion: 1 },
      $push: { notes: 'x' },
    });
  });

  it('keeps events in the order given', () => {
    const events = [event(), event(), event()];
    const update = withOutbox({}, events, now) as {
      $push: { outbox: { $each: { eventId: string }[] } };
    };
    expect(update.$push.outbox.$each.map((entry) => entry.eventId)).toEqual(
      events.map((e) => e.envelope.eventId),
    );
  });

  it('leaves an update without events untouched', () => {
    const update = { $set: { a: 1 } };
    expect(withOutbox(update, [], now)).toBe(update);
  });

  it('refuses updates that touch the outbox fields themselves', () => {
    expect(() => withOutbox({ $set: { outbox: [] } }, [event()])).toThrow(
      /must not touch \$set outbox/,
    );
    expect(() => withOutbox({ $unset: { outboxSince: '' } }, [event()])).toThrow(/outboxSince/);
    expect(() => withOutbox({ outboxVersion: 3 }, [event()])).toThrow(/outboxVersion/);
  });
});

describe('newDocumentWithOutbox', () => {
  it('adds the entries and marks the document pending', () => {
    const doc = newDocumentWithOutbox({ _id: 'w-1', count: 1 }, [event()], now);
    expect(doc).toMatchObject({
      _id: 'w-1',
      count: 1,
      outboxVersion: 0,
      outboxSince: now,
      outboxPending: true,
    });
    expect(doc.outbox).toHaveLength(1);
  });

  it('leaves outboxSince absent (never null) without events', () => {
    const doc = newDocumentWithOutbox({ _id: 'w-2' }, [], now);
    expect(doc.outbox).toEqual([]);
    expect('outboxSince' in doc).toBe(false);
    expect('outboxPending' in doc).toBe(false);
  });
});
