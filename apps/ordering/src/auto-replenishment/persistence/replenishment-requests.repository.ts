import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type Model } from 'mongoose';
import type { ReplenishmentRecord } from '../domain/replenishment-record';

export const REPLENISHMENT_REQUEST = 'ReplenishmentRequest';
export const REPLENISHMENT_REQUESTS_COLLECTION = 'replenishment_requests';

interface RecordDocument extends Omit<ReplenishmentRecord, 'requestId'> {
  /** The requestId. */
  _id: string;
}

export const ReplenishmentRequestSchema = new Schema<RecordDocument>(
  {
    _id: { type: String, required: true },
    accountId: { type: String, required: true },
    serial: { type: String, required: true },
    reorderNumber: { type: String, required: true },
    quantity: { type: Number, required: true },
    trigger: { type: Schema.Types.Mixed, required: true },
    requestedAt: { type: Date, required: true },
    outcome: { type: String, required: true },
    reason: { type: String },
    orderId: { type: String },
    orderNumber: { type: String },
    decidedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: REPLENISHMENT_REQUESTS_COLLECTION },
);
ReplenishmentRequestSchema.index({ serial: 1, requestedAt: -1 });

export abstract class ReplenishmentRequestsRepository {
  abstract find(requestId: string): Promise<ReplenishmentRecord | null>;
  /** Stores the outcome; the same request recorded again overwrites it with the same facts. */
  abstract record(record: ReplenishmentRecord): Promise<void>;
}

@Injectable()
export class MongoReplenishmentRequestsRepository extends ReplenishmentRequestsRepository {
  constructor(@InjectModel(REPLENISHMENT_REQUEST) private readonly model: Model<RecordDocument>) {
    super();
  }

  async find(requestId: string): Promise<ReplenishmentRecord | null> {
    const document = await this.model.findById(requestId).lean<RecordDocument>();
    if (!document) return null;
    const { _id, ...fields } = document;
    return { requestId: _id, ...fields };
  }

  async record({ requestId, ...fields }: ReplenishmentRecord): Promise<void> {
    const clean = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    );
    await this.model.replaceOne({ _id: requestId }, clean, { upsert: true }).exec();
  }
}
