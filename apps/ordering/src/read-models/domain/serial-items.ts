import type { SerialItem, SerialView } from './serial-view';

/** The latest helpdesk change of one item of a serial, kept to decide on late or repeated events. */
export interface ItemChange {
  reorderNumber: string;
  change: 'added' | 'removed';
  at: Date;
  /** The item as added (for `added`). */
  item?: SerialItem;
}

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

function applyChange(items: readonly SerialItem[], change: ItemChange): SerialItem[] {
  const others = items.filter((item) => item.reorderNumber !== change.reorderNumber);
  if (change.change === 'removed') return others;
  // Keep the item's place when it was listed already (the model's list, or added twice).
  const at = items.findIndex((item) => item.reorderNumber === change.reorderNumber);
  if (at < 0) return [...others, change.item!];
  return items.map((item, index) => (index === at ? change.item! : item));
}

/** The items after the changes made later than `asOf` (a link's list is as of its time). */
export function reapplyItemChanges(
  items: readonly SerialItem[],
  changes: readonly ItemChange[] | undefined,
  asOf: Date,
): SerialItem[] {
  return (changes ?? [])
    .filter((change) => change.at.getTime() > asOf.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .reduce<SerialItem[]>((list, change) => applyChange(list, change), [...items]);
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
