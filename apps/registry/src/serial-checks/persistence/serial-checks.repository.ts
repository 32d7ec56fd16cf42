import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { EventOutbox, OutboxFields, OutgoingEvent } from '@metered/event-platform';
import { SERIAL_CHECK, SerialCheckDocument } from './serial-check.schema';

/** The checks of one registration request, as written once with their event. */
export type SerialCheckRecord = Omit<SerialCheckDocument, '_id' | keyof OutboxFields>;

const DUPLICATE_KEY = 11000;

export abstract class SerialChecksRepository {
  /** Whether this registration request was checked already. */
  abstract exists(registrationId: string): Promise<boolean>;
  /**
   * Writes the checks and their events once: a second write for the same registration
   * (a redelivered request after the first succeeded) changes and publishes nothing.
   */
  abstract insertOnce(record: SerialCheckRecord, events: readonly OutgoingEvent[]): Promise<void>;
}

@Injectable()
export class MongoSerialChecksRepository extends SerialChecksRepository {
  constructor(
    @InjectModel(SERIAL_CHECK) private readonly checks: Model<SerialCheckDocument>,
    private readonly outbox: EventOutbox,
  ) {
    super();
  }

  async exists(registrationId: string): Promise<boolean> {
    return (await this.checks.exists({ _id: registrationId })) !== null;
  }

  async insertOnce(record: SerialCheckRecord, events: readonly OutgoingEvent[]): Promise<void> {
    try {
      await this.outbox.insert(this.checks, { _id: record.registrationId, ...record }, events);
    } catch (error) {
      // Redelivered after the first write succeeded: its event is already on its way.
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }
}
