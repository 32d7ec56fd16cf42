import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Schema } from 'mongoose';
import { EventOutbox } from '@metered/event-platform';
import type { SerialStock } from '../domain/supply-stock';

export const SERIAL_STOCK_COLLECTION = 'serial_stock';
export const SERIAL_STOCK_MODEL = 'SerialStock';

export const SerialStockSchema = new Schema(
  {
    _id: { type: String, required: true },
    items: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, collection: SERIAL_STOCK_COLLECTION, minimize: false },
);

interface SerialStockDocument {
  _id: string;
  items: SerialStock['items'];
}

@Injectable()
export class SerialStockRepository {
  constructor(
    @InjectModel(SERIAL_STOCK_MODEL) private readonly model: Model<SerialStockDocument>,
    private readonly outbox: EventOutbox,
  ) {}

  async findMany(serials: Iterable<string>): Promise<Map<string, SerialStock>> {
    const ids = [...new Set(serials)];
    if (ids.length === 0) return new Map();
    const documents = await this.model
      .find({ _id: { $in: ids } })
      .lean<SerialStockDocument[]>()
      .exec();
    return new Map(
      documents.map((document) => [
        document._id,
        { serial: document._id, items: document.items ?? {} },
      ]),
    );
  }

  /** Read-change-write of one serial's stock under its lock. */
  change(serial: string, apply: (current: SerialStock) => SerialStock): Promise<void> {
    return this.outbox.withLock(this.model, serial, async () => {
      const document = await this.model.findById(serial).lean<SerialStockDocument>().exec();
      const next = apply({ serial, items: document?.items ?? {} });
      await this.model
        .replaceOne({ _id: serial }, { _id: serial, items: next.items }, { upsert: true })
        .exec();
    });
  }
}
