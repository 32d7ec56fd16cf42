import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, mongo } from 'mongoose';
import type { TelemetryReading } from '@metered/contracts';
import { EventOutbox, OutgoingEvent } from '@metered/event-platform';
import { type IngestBatch, readingId } from '../domain/ingest-batch';
import { INGEST_BATCH_MODEL, READING_MODEL } from './ingest.schemas';

export interface ReadingToStore {
  reading: TelemetryReading;
  accountId: string;
  agentId: string;
}

const DUPLICATE_KEY = 11000;

interface IngestBatchDocument {
  _id: string;
  createdAt: Date;
  devices: IngestBatch['devices'];
}

/** The stored readings and the ingest batches that hand them to derivation. */
export abstract class ReadingsRepository {
  /**
   * Stores the readings with ONE insert (unordered: a duplicate does not stop the others) and
   * returns the positions that were already stored.
   */
  abstract insertNew(items: readonly ReadingToStore[], receivedAt: Date): Promise<Set<number>>;
  /** The upload's new readings and its ReadingsAccepted events, in one insert. */
  abstract insertBatch(batch: IngestBatch, events: readonly OutgoingEvent[]): Promise<void>;
  abstract findBatches(batchIds: readonly string[]): Promise<Map<string, IngestBatch>>;
  /** Batches derivation is done with, older than `before` (their events were published). */
  abstract pruneBatches(before: Date): Promise<number>;
  /** A device's stored readings in time order (most recent `limit`). */
  abstract history(serial: string, limit: number): Promise<TelemetryReading[]>;
}

@Injectable()
export class MongoReadingsRepository extends ReadingsRepository {
  constructor(
    @InjectModel(READING_MODEL) private readonly readings: Model<{ _id: string }>,
    @InjectModel(INGEST_BATCH_MODEL) private readonly batches: Model<IngestBatchDocument>,
    private readonly outbox: EventOutbox,
  ) {
    super();
  }

  async insertNew(items: readonly ReadingToStore[], receivedAt: Date): Promise<Set<number>> {
    const duplicates = new Set<number>();
    if (items.length === 0) return duplicates;
    const documents = items.map(({ reading, accountId, agentId }) => ({
      _id: readingId(reading.serial, reading.readAt),
      serial: reading.serial,
      readAt: new Date(reading.readAt),
      accountId,
      agentId,
      receivedAt,
      ...(reading.counters ? { counters: reading.counters } : {}),
      ...(reading.counterReset ? { counterReset: true } : {}),
      supplies: reading.supplies,
    }));
    try {
      await this.readings.collection.insertMany(documents as never[], { ordered: false });
    } catch (error) {
      if (!(error instanceof mongo.MongoBulkWriteError)) throw error;
      const writeErrors = Array.isArray(error.writeErrors)
        ? error.writeErrors
        : [error.writeErrors];
      const other = writeErrors.find((writeError) => writeError.code !== DUPLICATE_KEY);
      if (other) throw error;
      for (const writeError of writeErrors) duplicates.add(writeError.index);
    }
    return duplicates;
  }

  async insertBatch(batch: IngestBatch, events: readonly OutgoingEvent[]): Promise<void> {
    await this.outbox.insert(
      this.batches,
      { _id: batch.batchId, createdAt: batch.createdAt, devices: batch.devices },
      events,
    );
  }

  /**
   * One `{_id}` find per batch, side by side — not one `$in`: FerretDB 1.24 hands only
   * top-level equality to PostgreSQL, so an `$in` made it read and decode every stored batch
   * (each holds its readings; three days of them) for every batch derivation fetched — 85 % of
   * FerretDB's CPU under ingest load. A fetch names few batches (one per upload in it), so the
   * extra commands are few. On MongoDB an `$in` on `_id` would be one command and as cheap.
   */
  async findBatches(batchIds: readonly string[]): Promise<Map<string, IngestBatch>> {
    const found = await Promise.all(
      [...new Set(batchIds)].map((batchId) =>
        this.batches
          .find({ _id: batchId }, { devices: 1, createdAt: 1 })
          .lean<IngestBatchDocument[]>()
          .exec(),
      ),
    );
    const documents = found.flat();
    return new Map(
      documents.map((document) => [
        document._id,
        { batchId: document._id, createdAt: document.createdAt, devices: document.devices },
      ]),
    );
  }

  async pruneBatches(before: Date): Promise<number> {
    const result = await this.batches
      .deleteMany({ createdAt: { $lt: before }, outboxPending: { $ne: true } })
      .exec();
    return result.deletedCount ?? 0;
  }

  async history(serial: string, limit: number): Promise<TelemetryReading[]> {
    const documents = await this.readings
      .find({ serial })
      .lean<
        Array<{
          serial: string;
          readAt: Date;
          counters?: TelemetryReading['counters'];
          counterReset?: boolean;
          supplies: TelemetryReading['supplies'];
        }>
      >()
      .exec();
    return documents
      .map((document) => ({
        serial: document.serial,
        readAt: document.readAt.toISOString(),
        ...(document.counters ? { counters: document.counters } : {}),
        ...(document.counterReset ? { counterReset: true } : {}),
        supplies: document.supplies,
      }))
      .sort((a, b) => a.readAt.localeCompare(b.readAt))
      .slice(-limit);
  }
}
