import { Logger } from '@nestjs/common';
import { KafkaRetriableException } from '@nestjs/microservices';
import {
  CorrelationContext,
  createEnvelope,
  EventCatalog,
  EventEnvelope,
  EventRejectedError,
} from '@metered/events-core';
import { WidgetCountedEvent, WidgetCountedPayload } from '@metered/events-core/testing';
import { InboxStore, ProcessedEvent } from '../inbox/inbox.store';
import { DeadLetterMessage } from './dead-letter-message';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { EventConsumer, idempotent } from './event-consumer';

/** In-memory stand-ins: this spec checks the consumer's decisions, not Kafka or the database. */
class MemoryInbox {
  readonly records: Omit<ProcessedEvent, 'processedAt'>[] = [];
  async isProcessed(group: string, eventId: string) {
    return this.records.some((r) => r.consumerGroup === group && r.eventId === eventId);
  }
  async markProcessed(record: Omit<ProcessedEvent, 'processedAt'>) {
    this.records.push(record);
    return true;
  }
}

class MemoryDeadLetters {
  readonly topic = 'ordering.dead-letter.v1';
  readonly messages: DeadLetterMessage[] = [];
  failing = false;
  async publish(message: DeadLetterMessage) {
    if (this.failing) throw new Error('broker unreachable');
    this.messages.push(message);
  }
}

function contextFor(value: unknown, offset = '5') {
  return {
    getMessage: () => ({ key: 'w-1', value, headers: { 'correlation-id': 'c-1' }, offset }),
    getTopic: () => 'test.widget.v1',
    getPartition: () => 0,
  };
}

const envelopeBytes = (envelope: object) => Buffer.from(JSON.stringify(envelope));

describe('EventConsumer', () => {
  beforeAll(() => Logger.overrideLogger(false));

  let inbox: MemoryInbox;
  let deadLetters: MemoryDeadLetters;
  let consumer: EventConsumer;
  const envelope = () =>
    createEnvelope(WidgetCountedEvent, { widgetId: 'w-1', count: 4 }, { producer: 'registry' });

  beforeEach(() => {
    inbox = new MemoryInbox();
    deadLetters = new MemoryDeadLetters();
    consumer = new EventConsumer({
      group: 'ordering',
      catalog: new EventCatalog([WidgetCountedEvent]),
      inbox: inbox as unknown as InboxStore,
      deadLetters: deadLetters as unknown as DeadLetterPublisher,
      settings: { maxAttempts: 3, backoff: { initialMs: 1, maxMs: 2 } },
    });
  });

  it('runs the handler once with a validated payload inside the event correlation context', async () => {
    const event = envelope();
    const seen: { payload: unknown; correlation: unknown }[] = [];
    const outcome = await consumer.consume(contextFor(envelopeBytes(event)), {
      WidgetCounted: (e: EventEnvelope<WidgetCountedPayload>) => {
        seen.push({ payload: e.payload, correlation: CorrelationContext.current() });
      },
    });
    expect(outcome).toBe('handled');
    expect(seen[0].payload).toBeInstanceOf(WidgetCountedPayload);
    expect(seen[0].correlation).toEqual({
      correlationId: event.correlationId,
      causationId: event.eventId,
      eventId: event.eventId,
    });
    expect(inbox.records).toEqual([
      {
        consumerGroup: 'ordering',
        eventId: event.eventId,
        type: 'WidgetCounted',
        version: 1,
        topic: 'test.widget.v1',
      },
    ]);
  });

  it('has no second effect for a redelivered event', async () => {
    const bytes = envelopeBytes(envelope());
    let effects = 0;
    const handlers = { WidgetCounted: () => void effects++ };
    expect(await consumer.consume(contextFor(bytes), handlers)).toBe('handled');
    expect(await consumer.consume(contextFor(bytes), handlers)).toBe('duplicate');
    expect(effects).toBe(1);
  });

  it('neither reads nor records the inbox for a handler marked idempotent; a redelivery runs it again', async () => {
    const bytes = envelopeBytes(envelope());
    let inboxReads = 0;
    const isProcessed = inbox.isProcessed.bind(inbox);
    inbox.isProcessed = (group, eventId) => {
      inboxReads++;
      return isProcessed(group, eventId);
    };
    let runs = 0;
    const handlers = { WidgetCounted: idempotent(() => void runs++) };
    expect(await consumer.consume(contextFor(bytes), handlers)).toBe('handled');
    expect(await consumer.consume(contextFor(bytes), handlers)).toBe('handled');
    // The handler's own key (e.g. an _id derived from the event) makes the second run a no-op.
    expect(runs).toBe(2);
    expect(inboxReads).toBe(0);
    expect(inbox.records).toHaveLength(0);
  });

  it('retries and parks an idempotent handler like any other', async () => {
    let calls = 0;
    const outcome = await consumer.consume(contextFor(envelopeBytes(envelope())), {
      WidgetCounted: idempotent(() => {
        calls++;
        throw new Error('smtp said no');
      }),
    });
    expect(outcome).toBe('dead-lettered');
    expect(calls).toBe(3);
    expect(deadLetters.messages[0].headers).toMatchObject({ 'dlq-reason': 'handler-failed' });
  });

  it.each([
    ['malformed-json', Buffer.from('{not json')],
    ['invalid-envelope', envelopeBytes({ hello: 'world' })],
    ['unknown-event', envelopeBytes({ ...envelope(), type: 'WidgetVanished' })],
    ['invalid-payload', envelopeBytes({ ...envelope(), payload: { widgetId: 'w-1' } })],
    ['empty-value', null],
  ])('dead-letters a %s message without running the handler', async (reason, value) => {
    let effects = 0;
    const outcome = await consumer.consume(contextFor(value), {
      WidgetCounted: () => void effects++,
    });
    expect(outcome).toBe('dead-lettered');
    expect(effects).toBe(0);
    expect(deadLetters.messages[0].headers).toMatchObject({
      'dlq-reason': reason,
      'dlq-attempts': '0',
    });
  });

  it('dead-letters an oversized value without parsing it', async () => {
    const small = new EventConsumer({
      group: 'ordering',
      catalog: new EventCatalog([WidgetCountedEvent]),
      inbox: inbox as unknown as InboxStore,
      deadLetters: deadLetters as unknown as DeadLetterPublisher,
      settings: { maxMessageBytes: 10, deadLetterMaxValueBytes: 4 },
    });
    expect(await small.consume(contextFor(envelopeBytes(envelope())), {})).toBe('dead-lettered');
    expect(deadLetters.messages[0].headers).toMatchObject({
      'dlq-reason': 'too-large',
      'dlq-truncated': 'true',
    });
    expect(deadLetters.messages[0].value).toHaveLength(4);
  });

  it('retries a failing handler, then parks the event with the last error and attempt count', async () => {
    let calls = 0;
    const outcome = await consumer.consume(contextFor(envelopeBytes(envelope())), {
      WidgetCounted: () => {
        calls++;
        throw new Error(`database said no (${calls})`);
      },
    });
    expect(outcome).toBe('dead-lettered');
    expect(calls).toBe(3);
    expect(deadLetters.messages[0].headers).toMatchObject({
      'dlq-reason': 'handler-failed',
      'dlq-error': 'database said no (3)',
      'dlq-attempts': '3',
    });
    expect(inbox.records).toHaveLength(0);
  });

  it('succeeds when a retry succeeds', async () => {
    let calls = 0;
    const handlers = {
      WidgetCounted: () => {
        if (++calls < 3) throw new Error('transient');
      },
    };
    expect(await consumer.consume(contextFor(envelopeBytes(envelope())), handlers)).toBe('handled');
    expect(deadLetters.messages).toHaveLength(0);
  });

  it('parks at once when the handler rejects the event as unprocessable', async () => {
    let calls = 0;
    const handlers = {
      WidgetCounted: () => {
        calls++;
        throw new EventRejectedError('handler-rejected', 'unknown serial');
      },
    };
    expect(await consumer.consume(contextFor(envelopeBytes(envelope())), handlers)).toBe(
      'dead-lettered',
    );
    expect(calls).toBe(1);
    expect(deadLetters.messages[0].headers['dlq-reason']).toBe('handler-rejected');
  });

  it('ignores event types it has no handler for', async () => {
    expect(await consumer.consume(contextFor(envelopeBytes(envelope())), {})).toBe('ignored');
    expect(deadLetters.messages).toHaveLength(0);
  });

  it('refuses to commit (KafkaRetriableException) when the dead-letter publish fails', async () => {
    deadLetters.failing = true;
    await expect(consumer.consume(contextFor(Buffer.from('garbage')), {})).rejects.toBeInstanceOf(
      KafkaRetriableException,
    );
  });

  it('passes a KafkaRetriableException from the handler through instead of parking', async () => {
    const handlers = {
      WidgetCounted: () => {
        throw new KafkaRetriableException('database down');
      },
    };
    await expect(
      consumer.consume(contextFor(envelopeBytes(envelope())), handlers),
    ).rejects.toBeInstanceOf(KafkaRetriableException);
    expect(deadLetters.messages).toHaveLength(0);
  });
});
