/**
 * What travels on every topic: who/what/when around a versioned payload. Serialized as
 * JSON in the Kafka message value; the Kafka key is always `key`.
 */
export interface EventEnvelope<P = unknown> {
  /** Unique id of this event (UUID v4); consumers deduplicate on it. */
  eventId: string;
  /** Past-tense event name, e.g. `OrderPlaced`. */
  type: string;
  /** Schema version of the payload (whole number ≥ 1). */
  version: number;
  /** When the change happened (ISO 8601, UTC). */
  occurredAt: string;
  /** Name of the service that published the event. */
  producer: string;
  /** Id of the business flow (HTTP request, then every event it causes). */
  correlationId: string;
  /** eventId of the event whose handling caused this one; null when a request caused it. */
  causationId: string | null;
  /** Aggregate id; the Kafka message key, so one entity's events stay in order. Never empty. */
  key: string;
  payload: P;
}

/** Reasons a message ends up on a dead-letter topic (the `dlq-reason` header). */
export type DeadLetterReason =
  | 'too-large'
  | 'empty-value'
  | 'malformed-json'
  | 'invalid-envelope'
  | 'unknown-event'
  | 'invalid-payload'
  | 'handler-rejected'
  | 'handler-failed';

/** An event that can never be processed as it is; carries the dead-letter reason. */
export class EventRejectedError extends Error {
  constructor(
    readonly reason: DeadLetterReason,
    message: string,
  ) {
    super(message);
    this.name = 'EventRejectedError';
  }
}
