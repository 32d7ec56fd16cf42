import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  EventOutbox,
  OutgoingEvent,
  WITHOUT_OUTBOX_FIELDS,
  withOutbox,
} from '@metered/event-platform';
import { Registration, RegistrationStatus } from '../domain/registration';
import { RegistrationMapper } from './registration.mapper';
import { REGISTRATION_MODEL, RegistrationDocument } from './registration.schema';

export interface RegistrationQuery {
  statuses: readonly RegistrationStatus[];
  limit: number;
  /** Only requests made strictly before this time (the next page of a newest-first list). */
  before?: Date;
}

/** A decision on the current state: the new state and its events, or null for "leave it". */
export type RegistrationChange = { next: Registration; events: readonly OutgoingEvent[] } | null;

/** The port services use; the Mongo adapter below is bound to it in the module. */
export abstract class RegistrationsRepository {
  /** Stores a new request with its events; false when an open request already has the email. */
  abstract insert(registration: Registration, events: readonly OutgoingEvent[]): Promise<boolean>;
  abstract findById(id: string): Promise<Registration | null>;
  /** Newest first. */
  abstract list(query: RegistrationQuery): Promise<Registration[]>;
  /**
   * Read-decide-write with nobody else writing the registration meanwhile (the Kafka
   * handler and validators may act at once). Returns the state afterwards, null if missing.
   */
  abstract change(
    id: string,
    decide: (current: Registration) => RegistrationChange | Promise<RegistrationChange>,
  ): Promise<Registration | null>;
}

const DUPLICATE_KEY = 11000;
const WITHOUT_OUTBOX = WITHOUT_OUTBOX_FIELDS;

@Injectable()
export class MongoRegistrationsRepository extends RegistrationsRepository {
  constructor(
    @InjectModel(REGISTRATION_MODEL) private readonly model: Model<RegistrationDocument>,
    private readonly outbox: EventOutbox,
  ) {
    super();
  }

  async insert(registration: Registration, events: readonly OutgoingEvent[]): Promise<boolean> {
    try {
      await this.outbox.insert(
        this.model,
        { _id: registration.id, ...RegistrationMapper.toFields(registration) },
        events,
      );
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async findById(id: string): Promise<Registration | null> {
    const document = await this.model.findById(id, WITHOUT_OUTBOX).lean<RegistrationDocument>();
    return document ? RegistrationMapper.toDomain(document) : null;
  }

  async list(query: RegistrationQuery): Promise<Registration[]> {
    const filter = {
      status: { $in: [...query.statuses] },
      ...(query.before ? { requestedAt: { $lt: query.before } } : {}),
    };
    const documents = await this.model
      .find(filter, WITHOUT_OUTBOX)
      .sort({ requestedAt: -1, _id: -1 })
      .limit(query.limit)
      .lean<RegistrationDocument[]>();
    return documents.map((document) => RegistrationMapper.toDomain(document));
  }

  async change(
    id: string,
    decide: (current: Registration) => RegistrationChange | Promise<RegistrationChange>,
  ): Promise<Registration | null> {
    const result = await this.outbox.withLock(this.model, id, async () => {
      const current = await this.findById(id);
      if (!current) return { after: null, published: false };
      const change = await decide(current);
      if (!change) return { after: current, published: false };
      await this.model
        .updateOne(
          { _id: id },
          withOutbox({ $set: RegistrationMapper.toFields(change.next) }, change.events),
        )
        .exec();
      return { after: change.next, published: change.events.length > 0 };
    });
    if (result.published) this.outbox.nudge(this.model);
    return result.after;
  }
}
