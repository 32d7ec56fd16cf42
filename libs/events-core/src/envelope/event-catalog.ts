import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { EventDefinition } from './event-definition';
import { EventEnvelope, EventRejectedError } from './event-envelope';
import { EventEnvelopeDto } from './event-envelope.dto';
import { describeValidationErrors } from './validation-errors';

/** A message that passed every check: its definition and the envelope with a typed payload. */
export interface DecodedEvent {
  definition: EventDefinition;
  envelope: EventEnvelope<object>;
}

/**
 * All event versions a service knows, found by (type, version). Reading is lenient on
 * purpose: fields a newer schema added are stripped (whitelist), not refused, so additive
 * changes never break an older consumer.
 */
export class EventCatalog {
  private readonly byTypeAndVersion = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[]) {
    for (const definition of definitions) {
      const id = catalogId(definition.type, definition.version);
      if (this.byTypeAndVersion.has(id)) {
        throw new Error(`event ${id} is defined twice in the catalog`);
      }
      this.byTypeAndVersion.set(id, definition);
    }
  }

  find(type: string, version: number): EventDefinition | undefined {
    return this.byTypeAndVersion.get(catalogId(type, version));
  }

  definitions(): EventDefinition[] {
    return [...this.byTypeAndVersion.values()];
  }

  /** Every topic an event of the catalog is published on, each once. */
  topics(): string[] {
    return [...new Set(this.definitions().map((definition) => definition.topic))];
  }

  /** Checks envelope, then (type, version), then payload; throws EventRejectedError with the reason. */
  async decode(value: unknown): Promise<DecodedEvent> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new EventRejectedError('invalid-envelope', 'the message is not a JSON object');
    }
    const envelope = plainToInstance(EventEnvelopeDto, value);
    const envelopeErrors = await validate(envelope, { whitelist: true });
    if (envelopeErrors.length > 0) {
      throw new EventRejectedError('invalid-envelope', describeValidationErrors(envelopeErrors));
    }
    const definition = this.find(envelope.type, envelope.version);
    if (!definition) {
      throw new EventRejectedError(
        'unknown-event',
        `no event ${envelope.type} version ${envelope.version} in this consumer's catalog`,
      );
    }
    const payload = await this.validatePayload(definition, envelope.payload);
    return {
      definition,
      envelope: { ...envelope, causationId: envelope.causationId ?? null, payload },
    };
  }

  /** plainToInstance + validate with unknown fields stripped; throws EventRejectedError. */
  async validatePayload<P extends object>(
    definition: EventDefinition<P>,
    payload: unknown,
  ): Promise<P> {
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      throw new EventRejectedError('invalid-payload', 'payload must be a JSON object');
    }
    const instance = plainToInstance(definition.payloadClass, payload);
    const errors = await validate(instance, { whitelist: true, forbidUnknownValues: true });
    if (errors.length > 0) {
      throw new EventRejectedError('invalid-payload', describeValidationErrors(errors, 'payload'));
    }
    return instance;
  }
}

function catalogId(type: string, version: number): string {
  return `${type}@v${version}`;
}
