import { applyChange, type ItemChange } from './item-changes';
import type { SerialItem, SerialView } from './serial-view';

export interface ItemAdded {
  serial: string;
  item: SerialItem;
  addedAt: Date;
}

export interface ItemRemoved {
  serial: string;
  reorderNumber: string;
  removedAt: Date;
}

/**
 * One item change of one serial. The newest change of an item wins: a redelivered or
 * replayed older event changes nothing, and neither does a change older than the serial's
 * link (the link's list already contains it). Returns null when nothing changes.
 */
function applyItemChange(current: SerialView | null, serial: string, change: ItemChange) {
  const base: SerialView = current ?? { serial, supplyItems: [] };
  if (base.linkedAt && change.at.getTime() < base.linkedAt.getTime()) return null;
  const changes = base.itemChanges ?? [];
  const previous = changes.find((known) => known.reorderNumber === change.reorderNumber);
  if (previous && previous.at.getTime() >= change.at.getTime()) return null;
  return {
    ...base,
    supplyItems: applyChange(base.supplyItems, change),
    itemChanges: [...changes.filter((known) => known !== previous), change],
  };
}

/** Applies `SupplyItemAdded`: the item can be ordered for the serial from now on. */
export function applyItemAdded(current: SerialView | null, event: ItemAdded): SerialView | null {
  return applyItemChange(current, event.serial, {
    reorderNumber: event.item.reorderNumber,
    change: 'added',
    at: event.addedAt,
    item: event.item,
  });
}

/** Applies `SupplyItemRemoved`: the item can no longer be ordered for the serial. */
export function applyItemRemoved(
  current: SerialView | null,
  event: ItemRemoved,
): SerialView | null {
  return applyItemChange(current, event.serial, {
    reorderNumber: event.reorderNumber,
    change: 'removed',
    at: event.removedAt,
  });
}
