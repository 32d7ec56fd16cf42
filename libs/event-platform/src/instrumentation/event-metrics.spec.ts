import { Logger } from '@nestjs/common';
import { register } from 'prom-client';
import { EventConsumer } from '../consumer/event-consumer';
import { DeadLetterPublisher } from '../consumer/dead-letter.publisher';
import { createEnvelope, EventCatalog } from '@metered/events-core';
import { WidgetCountedEvent } from '@metered/events-core/testing';
import { InboxStore } from '../inbox/inbox.store';
import { eventHeaders } from '../kafka/event-headers';

const processed = new Set<string>();
const inbox = {
  isProcessed: async (_group: string, eventId: string) => processed.has(eventId),
  markProcessed: async (record: { eventId: string }) => processed.add(record.eventId),
} as unknown as InboxStore;
const deadLetters = { topic: 'ordering.dead-letter.v1', publish: async () => undefined };

async function counter(name: string, labels: Record<string, string>): Promise<number> {
  const metric = await register.getSingleMetric(name)?.get();
  const match = metric?.values.find((value) =>
    Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted),
  );
  return match?.value ?? 0;
}

describe('event platform metrics', () => {
  beforeAll(() => Logger.overrideLogger(false));

  const consumer = new EventConsumer({
    group: 'ordering',
    catalog: new EventCatalog([WidgetCountedEvent]),
    inbox,
    deadLetters: deadLetters as unknown as DeadLetterPublisher,
    settings: { maxAttempts: 2, backoff: { initialMs: 1, maxMs: 1 } },
  });
  const contextFor = (value: Buffer, headers: Record<string, string>) => ({
    getMessage: () => ({ key: 'w-1', value, headers, offset: '1' }),
    getTopic: () => 'test.widget.v1',
    getPartition: () => 0,
  });

  it('counts handled, duplicate, retried and dead-lettered messages by group, topic and type', async () => {
    const envelope = createEnvelope(
      WidgetCountedEvent,
      { widgetId: 'w-1', count: 1 },
      { producer: 'registry' },
    );
    const message = contextFor(Buffer.from(JSON.stringify(envelope)), eventHeaders(envelope));
    const labels = (outcome: string) => ({
      group: 'ordering',
      topic: 'test.widget.v1',
      type: 'WidgetCounted',
      outcome,
    });
    const before = {
      handled: await counter('events_consumed_total', labels('handled')),
      duplicate: await counter('events_consumed_total', labels('duplicate')),
      retried: await counter('events_consumed_total', labels('retried')),
      parked: await counter('dead_letters_total', { group: 'ordering', topic: 'test.widget.v1' }),
    };
    await consumer.consume(message, { WidgetCounted: () => undefined });
    await consumer.consume(message, { WidgetCounted: () => undefined });
    const failing = createEnvelope(
      WidgetCountedEvent,
      { widgetId: 'w-2', count: 1 },
      { producer: 'registry' },
    );
    await consumer.consume(
      contextFor(Buffer.from(JSON.stringify(failing)), eventHeaders(failing)),
      {
        WidgetCounted: () => {
          throw new Error('boom');
        },
      },
    );
    expect(await counter('events_consumed_total', labels('handled'))).toBe(before.handled + 1);
    expect(await counter('events_consumed_total', labels('duplicate'))).toBe(before.duplicate + 1);
    expect(await counter('events_consumed_total', labels('retried'))).toBe(before.retried + 1);
    expect(
      await counter('dead_letters_total', { group: 'ordering', topic: 'test.widget.v1' }),
    ).toBe(before.parked + 1);
  });
});
