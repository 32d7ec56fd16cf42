import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CorrelationContext, isSafeCorrelationId } from '../correlation/correlation-context';
import { EventDefinition } from './event-definition';
import { EventEnvelope } from './event-envelope';
import { MAX_KEY_LENGTH } from './event-envelope.dto';
import { describeValidationErrors } from './validation-errors';

export interface CreateEnvelopeOptions {
  /** Service publishing the event. */
  producer: string;
  /** Defaults to the current CorrelationContext, else a new id. */
  correlationId?: string;
  /** Defaults to the current CorrelationContext (the event being handled), else null. */
  causationId?: string | null;
  /** For tests and imports only; normally a fresh UUID v4. */
  eventId?: string;
  occurredAt?: Date;
}

/**
 * Builds a validated envelope. Writing is strict (unknown payload fields are refused, so a
 * typo fails in the producer's test instead of vanishing at the consumer); the payload is
 * copied through JSON so the envelope is exactly what will be published.
 */
export function createEnvelope<P extends object>(
  definition: EventDefinition<P>,
  payload: P,
  options: CreateEnvelopeOptions,
): EventEnvelope<P> {
  const instance = plainToInstance(
    definition.payloadClass,
    JSON.parse(JSON.stringify(payload)) as object,
  );
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new Error(
      `invalid ${definition.type} v${definition.version} payload: ${describeValidationErrors(errors, 'payload')}`,
    );
  }
  const key = definition.keyOf(instance);
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new Error(
      `${definition.type}: keyOf(payload) must give a non-empty key of at most ${MAX_KEY_LENGTH} characters`,
    );
  }
  const current = CorrelationContext.current();
  const correlationId = options.correlationId ?? current?.correlationId ?? randomUUID();
  if (!isSafeCorrelationId(correlationId)) {
    throw new Error(
      `correlationId "${correlationId}" must be 1-100 characters of A-Z a-z 0-9 . _ -`,
    );
  }
  if (!options.producer) throw new Error('createEnvelope needs the producing service name');
  return {
    eventId: options.eventId ?? randomUUID(),
    type: definition.type,
    version: definition.version,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    producer: options.producer,
    correlationId,
    causationId:
      options.causationId !== undefined ? options.causationId : (current?.causationId ?? null),
    key,
    payload: JSON.parse(JSON.stringify(instance)) as P,
  };
}
