import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type Model } from 'mongoose';
import {
  EventOutbox,
  OutgoingEvent,
  outboxPlugin,
  WITHOUT_OUTBOX_FIELDS,
  withOutbox,
} from '@metered/event-platform';
import type { AllowanceOverride } from '../domain/allowance';

export const ALLOWANCE = 'AllowanceOverride';
export const ALLOWANCES_COLLECTION = 'allowances';

interface AllowanceDocument extends Omit<AllowanceOverride, 'reorderNumber'> {
  _id: string;
}

export const AllowanceSchema = new Schema<AllowanceDocument>(
  {
    _id: { type: String, required: true },
    allowanceBottles: { type: Number, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: ALLOWANCES_COLLECTION },
);
// A change carries its audit record (StaffActionRecorded), which also tells every ordering
// replica's placement cache that the allowance changed.
AllowanceSchema.plugin(outboxPlugin);

function toDomain({
  _id,
  allowanceBottles,
  updatedBy,
  updatedAt,
}: AllowanceDocument): AllowanceOverride {
  return { reorderNumber: _id, allowanceBottles, updatedBy, updatedAt };
}

export abstract class AllowancesRepository {
  abstract find(reorderNumber: string): Promise<AllowanceOverride | null>;
  /** Overrides for these items, by reorder number; items without one are absent. */
  abstract findMany(reorderNumbers: readonly string[]): Promise<Map<string, AllowanceOverride>>;
  /** Sets the override and its events (told the override it replaces) in one write. */
  abstract save(
    override: AllowanceOverride,
    events: (before: AllowanceOverride | null) => readonly OutgoingEvent[],
  ): Promise<void>;
}

@Injectable()
export class MongoAllowancesRepository extends AllowancesRepository {
  constructor(
    @InjectModel(ALLOWANCE) private readonly model: Model<AllowanceDocument>,
    private readonly outbox: EventOutbox,
  ) {
    super();
  }

  async find(reorderNumber: string): Promise<AllowanceOverride | null> {
    const document = await this.model
      .findById(reorderNumber, WITHOUT_OUTBOX_FIELDS)
      .lean<AllowanceDocument>();
    return document ? toDomain(document) : null;
  }

  async findMany(reorderNumbers: readonly string[]): Promise<Map<string, AllowanceOverride>> {
    const documents = await this.model
      .find({ _id: { $in: [...reorderNumbers] } }, WITHOUT_OUTBOX_FIELDS)
      .lean<AllowanceDocument[]>();
    return new Map(documents.map((document) => [document._id, toDomain(document)]));
  }

  // One writer role (ops/admin) setting a whole value: last write wins, which is what they
  // mean. Under the document's lock, as every write of an outbox document (the relay's too).
  async save(
    override: AllowanceOverride,
    events: (before: AllowanceOverride | null) => readonly OutgoingEvent[],
  ): Promise<void> {
    const { reorderNumber, ...fields } = override;
    await this.outbox.withLock(this.model, reorderNumber, async () => {
      const before = await this.find(reorderNumber);
      await this.model
        .updateOne({ _id: reorderNumber }, withOutbox({ $set: fields }, events(before)), {
          upsert: true,
        })
        .exec();
    });
    this.outbox.nudge(this.model);
  }
}
