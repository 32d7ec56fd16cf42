import { EventEnvelope } from '@metered/events-core';

/**
 * Kafka headers that mirror the envelope, so tools (kcat, Kafka UI, the dead-letter view)
 * can route and trace messages without parsing the value. The value stays the truth.
 */
export const EventHeaders = {
  eventId: 'event-id',
  type: 'event-type',
  version: 'event-version',
  producer: 'event-producer',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
} as const;

export function eventHeaders(envelope: EventEnvelope): Record<string, string> {
  const headers: Record<string, string> = {
    [EventHeaders.eventId]: envelope.eventId,
    [EventHeaders.type]: envelope.type,
    [EventHeaders.version]: String(envelope.version),
    [EventHeaders.producer]: envelope.producer,
    [EventHeaders.correlationId]: envelope.correlationId,
  };
  if (envelope.causationId) headers[EventHeaders.causationId] = envelope.causationId;
  return headers;
}
