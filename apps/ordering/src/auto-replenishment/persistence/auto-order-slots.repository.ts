import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type Model } from 'mongoose';
import type { AutoOrderSlot } from '../domain/replenishment-decision';

export const AUTO_ORDER_SLOT = 'AutoOrderSlot';

interface SlotDocument extends AutoOrderSlot {
  /** `<serial>|<reorderNumber>|<generation>`: the unique id that makes taking a slot atomic. */
  _id: string;
}

export const AutoOrderSlotSchema = new Schema<SlotDocument>(
  {
    _id: { type: String, required: true },
    serial: { type: String, required: true },
    reorderNumber: { type: String, required: true },
    generation: { type: Number, required: true },
    requestId: { type: String, required: true },
    accountId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    orderId: { type: String },
    voided: { type: Boolean },
  },
  { versionKey: false, collection: 'auto_order_slots' },
);
// A supply's latest generation, found by equality and one sort.
AutoOrderSlotSchema.index({ serial: 1, reorderNumber: 1, generation: -1 });

const DUPLICATE_KEY = 11000;

function idOf(slot: Pick<AutoOrderSlot, 'serial' | 'reorderNumber' | 'generation'>): string {
  return `${slot.serial}|${slot.reorderNumber}|${slot.generation}`;
}

function toSlot({ _id: _ignored, ...slot }: SlotDocument): AutoOrderSlot {
  return slot;
}

/**
 * The slots of automatic orders per supply. Only inserts decide (FerretDB's one atomic
 * check); the later writes (the order's id, voiding) are made by the slot's own request.
 */
export abstract class AutoOrderSlotsRepository {
  abstract latest(serial: string, reorderNumber: string): Promise<AutoOrderSlot | null>;
  /** False when another request took this generation first. */
  abstract take(slot: AutoOrderSlot): Promise<boolean>;
  abstract attachOrder(slot: AutoOrderSlot, orderId: string): Promise<void>;
  abstract void(slot: AutoOrderSlot): Promise<void>;
}

@Injectable()
export class MongoAutoOrderSlotsRepository extends AutoOrderSlotsRepository {
  constructor(@InjectModel(AUTO_ORDER_SLOT) private readonly model: Model<SlotDocument>) {
    super();
  }

  async latest(serial: string, reorderNumber: string): Promise<AutoOrderSlot | null> {
    const document = await this.model
      .findOne({ serial, reorderNumber })
      .sort({ generation: -1 })
      .lean<SlotDocument>();
    return document ? toSlot(document) : null;
  }

  async take(slot: AutoOrderSlot): Promise<boolean> {
    try {
      await this.model.create({ _id: idOf(slot), ...slot });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async attachOrder(slot: AutoOrderSlot, orderId: string): Promise<void> {
    await this.model.updateOne({ _id: idOf(slot) }, { $set: { orderId } }).exec();
  }

  async void(slot: AutoOrderSlot): Promise<void> {
    await this.model.updateOne({ _id: idOf(slot) }, { $set: { voided: true } }).exec();
  }
}
