import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { SupplyItem } from '../domain/supply-item';
import { toSupplyItem, toSupplyItemDocument } from './supply-item.mapper';
import { SUPPLY_ITEM, SupplyItemDocument } from './supply-item.schema';

export abstract class SupplyItemsRepository {
  /** Every item, or those compatible with one model code. */
  abstract find(modelCode?: string): Promise<SupplyItem[]>;
  /** Items per model code, for several models at once. */
  abstract findForModels(modelCodes: readonly string[]): Promise<Map<string, SupplyItem[]>>;
  /** Items by reorder number; unknown numbers are absent. */
  abstract findByReorderNumbers(numbers: readonly string[]): Promise<Map<string, SupplyItem>>;
  abstract save(item: SupplyItem, now?: Date): Promise<void>;
}

@Injectable()
export class MongoSupplyItemsRepository extends SupplyItemsRepository {
  constructor(@InjectModel(SUPPLY_ITEM) private readonly items: Model<SupplyItemDocument>) {
    super();
  }

  async find(modelCode?: string): Promise<SupplyItem[]> {
    const filter = modelCode ? { compatibleModels: modelCode } : {};
    const documents = await this.items.find(filter).sort({ _id: 1 }).lean<SupplyItemDocument[]>();
    return documents.map(toSupplyItem);
  }

  async findForModels(modelCodes: readonly string[]): Promise<Map<string, SupplyItem[]>> {
    const unique = [...new Set(modelCodes)];
    const byModel = new Map<string, SupplyItem[]>(unique.map((code) => [code, []]));
    if (unique.length === 0) return byModel;
    const documents = await this.items
      .find({ compatibleModels: { $in: unique } })
      .sort({ _id: 1 })
      .lean<SupplyItemDocument[]>();
    for (const item of documents.map(toSupplyItem)) {
      for (const code of item.compatibleModels) byModel.get(code)?.push(item);
    }
    return byModel;
  }

  async findByReorderNumbers(numbers: readonly string[]): Promise<Map<string, SupplyItem>> {
    const unique = [...new Set(numbers)];
    if (unique.length === 0) return new Map();
    const documents = await this.items.find({ _id: { $in: unique } }).lean<SupplyItemDocument[]>();
    return new Map(documents.map((document) => [document.reorderNumber, toSupplyItem(document)]));
  }

  async save(item: SupplyItem, now = new Date()): Promise<void> {
    await this.items
      .replaceOne({ _id: item.reorderNumber }, toSupplyItemDocument(item, now), { upsert: true })
      .exec();
  }
}
