import { Logger } from '@nestjs/common';
import { KafkaRetriableException } from '@nestjs/microservices';
import { backoffDelay, errorMessage, sleep } from '../common/backoff';
import {
  CorrelationContext,
  DeadLetterReason,
  EventCatalog,
  EventEnvelope,
  EventRejectedError,
  isSafeCorrelationId,
} from '@metered/events-core';
import { InboxStore } from '../inbox/inbox.store';
import { EventMetrics } from '../instrumentation/event-metrics';
import { EventHeaders } from '../kafka/event-headers';
import { buildDeadLetterMessage } from './dead-letter-message';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { DEFAULT_CONSUMER_SETTINGS, EventConsumerSettings } from './event-consumer.settings';
import { KafkaContextLike, RawKafkaMessage, rawMessageOf } from './raw-kafka-message';

/** Handles one event; the method-style type lets `(e: EventEnvelope<OrderPlacedPayload>) => …` fit. */
export type EventHandler<P = unknown> = {
  bivarianceHack(envelope: EventEnvelope<P>): unknown;
}['bivarianceHack'];

/**
 * A handler whose effect is its own idempotency key, so the consumer neither reads nor
 * records the inbox for it (two database commands less per event). Only for handlers whose
 * every write is naturally idempotent: an insert whose unique `_id` is derived from the event
 * (e.g. an email named `<template>:<eventId>:<recipient>`: a redelivered or raced event finds
 * it already there), or a read-decide-write under the document's lock that checks the eventId
 * itself. A handler that counts, appends or publishes per delivery keeps the inbox.
 */
export interface IdempotentEventHandler<P = unknown> {
  handle: EventHandler<P>;
  idempotent: true;
}

/** Marks a handler as naturally idempotent (see IdempotentEventHandler): no inbox for it. */
export function idempotent<P>(handle: EventHandler<P>): IdempotentEventHandler<P> {
  return { handle, idempotent: true };
}

/**
 * Handlers by event type, e.g. `{ [OrderPlacedEvent.type]: (e) => this.onOrderPlaced(e) }`;
 * a handler wrapped in `idempotent(...)` runs without the inbox.
 */
export type EventHandlers = Record<string, EventHandler | IdempotentEventHandler>;

export type ConsumeOutcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered';

export interface EventConsumerDependencies {
  /** Consumer group = service name; also the inbox's key. */
  group: string;
  catalog: EventCatalog;
  inbox: InboxStore;
  deadLetters: DeadLetterPublisher;
  settings?: Partial<EventConsumerSettings>;
}

/**
 * The body of every `@EventPattern` handler: check, deduplicate (the inbox, unless the
 * handler is marked `idempotent`), run with retries, park what cannot be processed. Returning normally lets Nest commit the offset; it throws
 * (KafkaRetriableException, offset not committed, message redelivered) only when even
 * parking or recording failed — so nothing is lost and the consumer never stalls on one
 * bad message.
 */
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);
  readonly settings: EventConsumerSettings;

  constructor(private readonly deps: EventConsumerDependencies) {
    this.settings = { ...DEFAULT_CONSUMER_SETTINGS, ...deps.settings };
  }

  get group(): string {
    return this.deps.group;
  }

  async consume(context: KafkaContextLike, handlers: EventHandlers): Promise<ConsumeOutcome> {
    const raw = rawMessageOf(context);
    const type = raw.headers[EventHeaders.type] ?? 'unknown';
    const work = async () => {
      try {
        const outcome = await this.consumeRaw(context, raw, handlers);
        if (outcome === 'handled' || outcome === 'duplicate')
          EventMetrics.consumed(this.group, raw.topic, type, outcome);
        return outcome;
      } catch (error) {
        if (error instanceof KafkaRetriableException)
          EventMetrics.consumed(this.group, raw.topic, type, 'retried');
        throw error;
      }
    };
    // Log lines of the whole message (checks, retries, parking) carry its ids from the headers.
    const correlationId = raw.headers[EventHeaders.correlationId];
    if (!isSafeCorrelationId(correlationId)) return work();
    const eventId = raw.headers[EventHeaders.eventId];
    return CorrelationContext.run({ correlationId, causationId: eventId ?? null, eventId }, work);
  }

  private async consumeRaw(
    context: KafkaContextLike,
    raw: RawKafkaMessage,
    handlers: EventHandlers,
  ): Promise<ConsumeOutcome> {
    const refuse = (reason: DeadLetterReason, error: string, attempts = 0) =>
      this.deadLetter(raw, reason, error, attempts);
    if (raw.value === null || raw.value.length === 0)
      return refuse('empty-value', 'the message has no value');
    if (raw.value.length > this.settings.maxMessageBytes) {
      return refuse(
        'too-large',
        `value has ${raw.value.length} bytes, limit ${this.settings.maxMessageBytes}`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.value.toString('utf8'));
    } catch (error) {
      return refuse('malformed-json', `value is not JSON: ${errorMessage(error)}`);
    }
    let envelope: EventEnvelope<object>;
    try {
      ({ envelope } = await this.deps.catalog.decode(parsed));
    } catch (error) {
      if (error instanceof EventRejectedError) return refuse(error.reason, error.message);
      throw error;
    }
    const entry = handlers[envelope.type];
    if (!entry) return 'ignored';
    if (typeof entry !== 'function') {
      // Naturally idempotent: a redelivery runs the handler again and has no second effect.
      const failure = await this.runHandler(context, entry.handle, envelope);
      return failure ? refuse(failure.reason, failure.error, failure.attempts) : 'handled';
    }
    const handler = entry;
    if (
      await this.infrastructure('read the inbox', () =>
        this.deps.inbox.isProcessed(this.group, envelope.eventId),
      )
    ) {
      this.logger.debug(
        `${envelope.type} ${envelope.eventId} already handled by ${this.group}; skipped`,
      );
      return 'duplicate';
    }
    const failure = await this.runHandler(context, handler, envelope);
    if (failure) return refuse(failure.reason, failure.error, failure.attempts);
    await this.infrastructure('record the event in the inbox', () =>
      this.deps.inbox.markProcessed({
        consumerGroup: this.group,
        eventId: envelope.eventId,
        type: envelope.type,
        version: envelope.version,
        topic: raw.topic,
      }),
    );
    return 'handled';
  }

  /** Runs the handler up to maxAttempts times inside the event's correlation context. */
  private async runHandler(
    context: KafkaContextLike,
    handler: EventHandler,
    envelope: EventEnvelope<object>,
  ): Promise<{ reason: DeadLetterReason; error: string; attempts: number } | undefined> {
    const ids = {
      correlationId: envelope.correlationId,
      causationId: envelope.eventId,
      eventId: envelope.eventId,
    };
    let lastError = '';
    for (let attempt = 1; attempt <= this.settings.maxAttempts; attempt++) {
      try {
        await CorrelationContext.run(ids, async () => handler(envelope));
        return undefined;
      } catch (error) {
        // The handler says: infrastructure is down, do not park, redeliver later.
        if (error instanceof KafkaRetriableException) throw error;
        if (error instanceof EventRejectedError) {
          return { reason: 'handler-rejected', error: error.message, attempts: attempt };
        }
        lastError = errorMessage(error);
        this.logger.warn(
          `${envelope.type} ${envelope.eventId}: attempt ${attempt}/${this.settings.maxAttempts} failed: ${lastError}`,
        );
        if (attempt < this.settings.maxAttempts) {
          EventMetrics.consumed(this.group, context.getTopic(), envelope.type, 'retried');
          await sleep(backoffDelay(attempt, this.settings.backoff));
          await context
            .getHeartbeat?.()()
            .catch(() => undefined);
        }
      }
    }
    return { reason: 'handler-failed', error: lastError, attempts: this.settings.maxAttempts };
  }

  private async deadLetter(
    raw: RawKafkaMessage,
    reason: DeadLetterReason,
    error: string,
    attempts: number,
  ): Promise<ConsumeOutcome> {
    const message = buildDeadLetterMessage(
      raw,
      { reason, error, attempts, consumerGroup: this.group, failedAt: new Date() },
      this.settings.deadLetterMaxValueBytes,
    );
    const where = `${raw.topic}[${raw.partition}]@${raw.offset}`;
    try {
      await this.deps.deadLetters.publish(message);
    } catch (publishError) {
      this.logger.error(
        `could not dead-letter ${where} (${reason}): ${errorMessage(publishError)}`,
      );
      throw new KafkaRetriableException(
        `dead-letter publish failed: ${errorMessage(publishError)}`,
      );
    }
    EventMetrics.deadLettered(this.group, raw.topic, raw.headers[EventHeaders.type]);
    this.logger.warn(
      `dead-lettered ${where} to ${this.deps.deadLetters.topic}: ${reason}: ${error}`,
    );
    return 'dead-lettered';
  }

  /** Database trouble is not the message's fault: redeliver instead of parking. */
  private async infrastructure<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.logger.error(`could not ${what}: ${errorMessage(error)}`);
      throw new KafkaRetriableException(`could not ${what}: ${errorMessage(error)}`);
    }
  }
}
