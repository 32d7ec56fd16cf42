import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Schema, type Model } from 'mongoose';
import type { AllowanceOverride } from '../domain/allowance';

export const ALLOWANCE = 'AllowanceOverride';

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
  { versionKey: false, collection: 'allowances' },
);

function toDomain({ _id, ...rest }: AllowanceDocument): AllowanceOverride {
  return { reorderNumber: _id, ...rest };
}

export abstract class AllowancesRepository {
  abstract find(reorderNumber: string): Promise<AllowanceOverride | null>;
  /** Overrides for these items, by reorder number. */
  abstract findMany(reorderNumbers: readonly string[]): Promise<Map<string, number>>;
  abstract save(override: AllowanceOverride): Promise<void>;
}

@Injectable()
export class MongoAllowancesRepository extends AllowancesRepository {
  constructor(@InjectModel(ALLOWANCE) private readonly model: Model<AllowanceDocument>) {
    super();
  }

  async find(reorderNumber: string): Promise<AllowanceOverride | null> {
    const document = await this.model.findById(reorderNumber).lean<AllowanceDocument>();
    return document ? toDomain(document) : null;
  }

  async findMany(reorderNumbers: readonly string[]): Promise<Map<string, number>> {
    const documents = await this.model
      .find({ _id: { $in: [...reorderNumbers] } })
      .lean<AllowanceDocument[]>();
    return new Map(documents.map((document) => [document._id, document.allowanceBottles]));
  }

  // One writer role (ops/admin) setting a whole value: last write wins, which is what they mean.
  async save(override: AllowanceOverride): Promise<void> {
    const { reorderNumber, ...fields } = override;
    await this.model
      .replaceOne({ _id: reorderNumber }, { _id: reorderNumber, ...fields }, { upsert: true })
      .exec();
  }
}
