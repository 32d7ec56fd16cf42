import { Inject, Injectable } from '@nestjs/common';
import { CreateEnvelopeOptions } from './envelope/create-envelope';
import { EventDefinition } from './envelope/event-definition';
import { EVENT_PLATFORM_OPTIONS, ResolvedEventPlatformOptions } from './event-platform.options';
import { createOutgoingEvent, OutgoingEvent } from './outbox/outbox-entry';
import { OutboxRelay } from './outbox/outbox-relay';

/**
 * What a service uses to publish: build events (producer and correlation filled in), put
 * them in the same write as the state change with `withOutbox` / `newDocumentWithOutbox`,
 * then `nudge()` so the relay publishes right away instead of at its next poll.
 */
@Injectable()
export class EventOutbox {
  constructor(
    @Inject(EVENT_PLATFORM_OPTIONS) private readonly options: ResolvedEventPlatformOptions,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  create<P extends object>(
    definition: EventDefinition<P>,
    payload: P,
    options: Omit<CreateEnvelopeOptions, 'producer'> = {},
  ): OutgoingEvent<P> {
    return createOutgoingEvent(definition, payload, { ...options, producer: this.options.service });
  }

  nudge(): void {
    this.relay.nudge();
  }

  /** Adds a collection to the relay: a collection name or a mongoose model. */
  registerCollection(collection: string | { collection: { collectionName: string } }): void {
    this.relay.register(
      typeof collection === 'string' ? collection : collection.collection.collectionName,
    );
  }
}
