// Helpdesk changes of one serial's supply items, applied in time order to an item list.

/** A supply item that can be ordered for one serial, as the registry announced it. */
export interface SerialItem {
  reorderNumber: string;
  description: string;
  kind: string;
  bottlesPerCarton: number;
}

/** The latest helpdesk change of one item of a serial, kept to decide on late or repeated events. */
export interface ItemChange {
  reorderNumber: string;
  change: 'added' | 'removed';
  at: Date;
  /** The item as added (for `added`). */
  item?: SerialItem;
}

export function applyChange(items: readonly SerialItem[], change: ItemChange): SerialItem[] {
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
