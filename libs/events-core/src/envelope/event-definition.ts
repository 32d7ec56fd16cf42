import { ClassConstructor } from 'class-transformer';
import { EVENT_TYPE_PATTERN } from './event-envelope.dto';

/**
 * Everything the platform needs to publish and check one event version. Defined once in
 * libs/contracts and used by producer and consumers alike.
 */
export interface EventDefinition<P extends object = object> {
  /** Past-tense name, e.g. `OrderPlaced`. */
  readonly type: string;
  /** Payload schema version; a breaking change gets a new version (and topic major). */
  readonly version: number;
  /** Topic the event is published on, `<owner>.<entity>.v<major>`. */
  readonly topic: string;
  /** class-validator decorated payload class. */
  readonly payloadClass: ClassConstructor<P>;
  /** The aggregate id used as Kafka key. Must never be empty. */
  keyOf(payload: P): string;
}

/** Payload type of a definition: `PayloadOf<typeof OrderPlacedEvent>`. */
export type PayloadOf<D> = D extends EventDefinition<infer P> ? P : never;

export const TOPIC_NAME_PATTERN = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;

/** Checks a definition's names once, at import time, so typos fail fast. */
export function defineEvent<P extends object>(definition: EventDefinition<P>): EventDefinition<P> {
  if (!EVENT_TYPE_PATTERN.test(definition.type)) {
    throw new Error(`event type "${definition.type}" must be a PascalCase past-tense name`);
  }
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    throw new Error(`event ${definition.type}: version must be a whole number ≥ 1`);
  }
  if (!TOPIC_NAME_PATTERN.test(definition.topic)) {
    throw new Error(
      `event ${definition.type}: topic "${definition.topic}" must look like <owner>.<entity>.v<major>`,
    );
  }
  return Object.freeze({ ...definition });
}
