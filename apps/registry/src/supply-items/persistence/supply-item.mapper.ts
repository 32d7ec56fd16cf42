import type { SupplyItemSummary } from '@metered/contracts';
import type { SupplyItem } from '../domain/supply-item';
import type { SupplyItemDocument } from './supply-item.schema';

export function toSupplyItem(document: SupplyItemDocument): SupplyItem {
  return {
    reorderNumber: document.reorderNumber,
    description: document.description,
    kind: document.kind,
    bottlesPerCarton: document.bottlesPerCarton,
    compatibleModels: [...document.compatibleModels],
  };
}

export function toSupplyItemDocument(item: SupplyItem, now: Date): SupplyItemDocument {
  return { _id: item.reorderNumber, ...item, updatedAt: now };
}

/** What events and device views carry about an item (without the model list). */
export function toSupplyItemSummary(item: SupplyItem): SupplyItemSummary {
  return {
    reorderNumber: item.reorderNumber,
    description: item.description,
    kind: item.kind,
    bottlesPerCarton: item.bottlesPerCarton,
  };
}
