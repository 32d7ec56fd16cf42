import { createEnvelope, CreateEnvelopeOptions } from '../envelope/create-envelope';
import { EventDefinition } from '../envelope/event-definition';
import { EventEnvelope } from '../envelope/event-envelope';
import { eventHeaders } from '../kafka/event-headers';

/** An envelope plus the topic it goes to: what a service hands to `withOutbox`. */
export interface OutgoingEvent<P = unknown> {
  topic: string;
  envelope: EventEnvelope<P>;
}

export type OutboxEntryStatus = 'pending' | 'failed';

/** One event waiting inside its aggregate document until the relay has published it. */
export interface OutboxEntry {
  eventId: string;
  topic: string;
  key: string;
  type: string;
  version: number;
  /** The envelope as the exact JSON text that becomes the Kafka message value. */
  envelope: string;
  headers: Record<string, string>;
  /** `failed` = at least one publish attempt failed; it stays in line and is retried. */
  status: OutboxEntryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

/** Fields every document that emits events carries (added by `outboxPlugin`). */
export interface OutboxFields {
  outbox: OutboxEntry[];
  /** Bumped by every write that touches `outbox`; the relay's removals are conditional on it. */
  outboxVersion: number;
  /** Creation time of the oldest pending entry; absent when nothing is pending. Indexed. */
  outboxSince?: Date;
}

export function createOutgoingEvent<P extends object>(
  definition: EventDefinition<P>,
  payload: P,
  options: CreateEnvelopeOptions,
): OutgoingEvent<P> {
  return { topic: definition.topic, envelope: createEnvelope(definition, payload, options) };
}

export function toOutboxEntry(event: OutgoingEvent, now: Date): OutboxEntry {
  const { envelope } = event;
  return {
    eventId: envelope.eventId,
    topic: event.topic,
    key: envelope.key,
    type: envelope.type,
    version: envelope.version,
    envelope: JSON.stringify(envelope),
    headers: eventHeaders(envelope),
    status: 'pending',
    attempts: 0,
    lastError: null,
    createdAt: now,
  };
}
