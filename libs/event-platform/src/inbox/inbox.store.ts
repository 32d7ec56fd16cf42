import type { mongo } from 'mongoose';

export const INBOX_COLLECTION = 'processed_events';

export interface ProcessedEvent {
  consumerGroup: string;
  eventId: string;
  type: string;
  version: number;
  topic: string;
  processedAt: Date;
}

/**
 * What each consumer group has already handled, so a redelivered event has no second
 * effect. The unique index on (consumerGroup, eventId) makes recording race-free: the
 * second insert fails with E11000. FerretDB has no TTL indexes, so old records are
 * removed with `pruneProcessedBefore` (keep them longer than any redelivery window).
 */
export class InboxStore {
  private indexReady?: Promise<unknown>;

  constructor(private readonly db: () => mongo.Db) {}

  private collection(): mongo.Collection<ProcessedEvent> {
    return this.db().collection<ProcessedEvent>(INBOX_COLLECTION);
  }

  ensureIndexes(): Promise<unknown> {
    this.indexReady ??= this.collection()
      .createIndex(
        { consumerGroup: 1, eventId: 1 },
        { unique: true, name: 'consumer_group_event_id' },
      )
      .catch((error: unknown) => {
        this.indexReady = undefined;
        throw error;
      });
    return this.indexReady;
  }

  async isProcessed(consumerGroup: string, eventId: string): Promise<boolean> {
    const found = await this.collection().findOne(
      { consumerGroup, eventId },
      { projection: { _id: 1 } },
    );
    return found !== null;
  }

  /** Records a handled event; false when it was already recorded (a concurrent duplicate). */
  async markProcessed(record: Omit<ProcessedEvent, 'processedAt'>): Promise<boolean> {
    await this.ensureIndexes();
    try {
      await this.collection().insertOne({ ...record, processedAt: new Date() });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  async pruneProcessedBefore(cutoff: Date): Promise<number> {
    const result = await this.collection().deleteMany({ processedAt: { $lt: cutoff } });
    return result.deletedCount;
  }
}
