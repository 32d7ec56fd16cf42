import { Inject, Injectable } from '@nestjs/common';
import type { Model, UpdateQuery } from 'mongoose';
import { CreateEnvelopeOptions, EventDefinition } from '@metered/events-core';
import { EVENT_PLATFORM_OPTIONS, ResolvedEventPlatformOptions } from './event-platform.options';
import { DocumentLocks } from './locking/document-locks';
import { createOutgoingEvent, OutgoingEvent } from './outbox/outbox-entry';
import { OutboxRelay } from './outbox/outbox-relay';
import { newDocumentWithOutbox, withOutbox } from './outbox/outbox-update';

type Filter = Record<string, unknown> & { _id: unknown };
/** A mongoose model (or anything else that names its collection). */
type NamedCollection = { collection: { collectionName: string } };

/**
 * What a service uses to change a document and publish its events in one write:
 *
 *   const event = this.outbox.create(OrderPlacedEvent, payload);
 *   await this.outbox.insert(this.orders, { _id, ...order }, [event]);          // new document
 *   await this.outbox.update(this.orders, { _id, version }, { $set: … }, [event]); // change
 *
 * Updates run under the document's lock (see DocumentLocks: FerretDB updates are not
 * atomic against each other), so neither another writer nor the relay can overwrite them.
 * Every write of an outbox document must go through `update` or `withLock`.
 */
@Injectable()
export class EventOutbox {
  constructor(
    @Inject(EVENT_PLATFORM_OPTIONS) private readonly options: ResolvedEventPlatformOptions,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(DocumentLocks) private readonly locks: DocumentLocks,
  ) {}

  /** A validated event with producer, correlation and causation filled in. */
  create<P extends object>(
    definition: EventDefinition<P>,
    payload: P,
    options: Omit<CreateEnvelopeOptions, 'producer'> = {},
  ): OutgoingEvent<P> {
    return createOutgoingEvent(definition, payload, { ...options, producer: this.options.service });
  }

  /** Inserts a new document carrying its first events (an insert cannot race the relay). */
  async insert<T>(
    model: Model<T>,
    document: object,
    events: readonly OutgoingEvent[],
  ): Promise<void> {
    await model.create(newDocumentWithOutbox(document, events));
    if (events.length > 0) this.nudge(model);
  }

  /**
   * `updateOne(filter, update + events)` under the document's lock. The filter must name the
   * document's `_id`; further conditions (a version, a status) now hold reliably.
   * Returns whether a document matched.
   */
  async update<T>(
    model: Model<T>,
    filter: Filter,
    update: UpdateQuery<T>,
    events: readonly OutgoingEvent[],
  ): Promise<boolean> {
    const result = await this.withLock(model, filter._id, () =>
      model.updateOne(filter as never, withOutbox(update, events)).exec(),
    );
    if (result.matchedCount === 1 && events.length > 0) this.nudge(model);
    return result.matchedCount === 1;
  }

  /**
   * Runs a read-decide-write on one document with nobody else writing it meanwhile; use
   * `withOutbox` for the write and call `nudge()` afterwards.
   */
  withLock<R>(model: NamedCollection, id: unknown, work: () => Promise<R>): Promise<R> {
    return this.locks.withLock(model.collection.collectionName, id, work);
  }

  /**
   * Wakes the relay so it publishes now instead of at its next poll. Name the collection (or
   * model) written and the relay polls only that one; without it, it polls all of them.
   */
  nudge(collection?: string | NamedCollection): void {
    this.relay.nudge(
      collection === undefined || typeof collection === 'string'
        ? collection
        : collection.collection.collectionName,
    );
  }

  /** Adds a collection to the relay: a collection name or a mongoose model. */
  registerCollection(collection: string | NamedCollection): void {
    this.relay.register(
      typeof collection === 'string' ? collection : collection.collection.collectionName,
    );
  }
}
