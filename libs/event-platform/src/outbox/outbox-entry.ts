import {
  createEnvelope,
  CreateEnvelopeOptions,
  EventDefinition,
  EventEnvelope,
} from '@metered/events-core';
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
  /** Creation time of the oldest pending entry; absent when nothing is pending. */
  outboxSince?: Date;
  /**
   * `true` while entries are pending, absent otherwise: the relay's query. An equality, so
   * FerretDB hands it to PostgreSQL (a `$type`/`$exists`/range filter would make it read
   * every document of the collection on each poll). Indexed with `outboxSince`.
   */
  outboxPending?: true;
}

/** The fields above: they belong to the event platform, services never set them. */
export const OUTBOX_FIELD_NAMES: readonly (keyof OutboxFields)[] = [
  'outbox',
  'outboxVersion',
  'outboxSince',
  'outboxPending',
];

/** A read projection that leaves the outbox fields out. */
export const WITHOUT_OUTBOX_FIELDS = {
  outbox: 0,
  outboxVersion: 0,
  outboxSince: 0,
  outboxPending: 0,
} as const;

/** The relay's filter for documents with pending entries. */
export const OUTBOX_PENDING_FILTER = { outboxPending: true } as const;

/** A stored document without the platform's fields (for mappers to domain objects). */
export function withoutOutboxFields<D extends Partial<OutboxFields>>(
  document: D,
): Omit<D, keyof OutboxFields> {
  const rest: Partial<D> = { ...document };
  for (const field of OUTBOX_FIELD_NAMES) delete rest[field as keyof D];
  return rest as Omit<D, keyof OutboxFields>;
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
