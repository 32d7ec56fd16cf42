import { Schema } from 'mongoose';
import { SUPPLY_KINDS } from '@metered/contracts';
import type { SupplyItem } from '../domain/supply-item';

export const SUPPLY_ITEM = 'SupplyItem';
export const SUPPLY_ITEMS_COLLECTION = 'supply_items';

/** Keyed by the reorder number. */
export interface SupplyItemDocument extends SupplyItem {
  _id: string;
  updatedAt: Date;
}

export const SupplyItemSchema = new Schema<SupplyItemDocument>(
  {
    _id: { type: String, required: true },
    reorderNumber: { type: String, required: true },
    description: { type: String, required: true },
    kind: { type: String, required: true, enum: SUPPLY_KINDS },
    bottlesPerCarton: { type: Number, required: true },
    compatibleModels: { type: [String], required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: SUPPLY_ITEMS_COLLECTION },
);
// "Which items fit model X" is the question ordering and the portal ask.
SupplyItemSchema.index({ compatibleModels: 1 });
