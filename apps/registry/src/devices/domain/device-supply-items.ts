/**
 * The supply items a serial can be ordered with: those of its model, minus what the helpdesk
 * removed for this serial, plus what it added ("items not listed"). Only the per-serial
 * adjustments are stored on the device, so a catalog import that adds an item to a model
 * reaches every serial of that model.
 */
export interface SupplyItemAdjustments {
  /** Reorder numbers added to this serial beyond its model's items. */
  extraSupplyItems: string[];
  /** Reorder numbers of the model's items that this serial no longer offers. */
  removedSupplyItems: string[];
}

export const NO_ADJUSTMENTS: SupplyItemAdjustments = {
  extraSupplyItems: [],
  removedSupplyItems: [],
};

/** Reorder numbers offered for the serial, model items first, in a stable order. */
export function listedSupplyItems(
  modelItems: readonly string[],
  adjustments: SupplyItemAdjustments,
): string[] {
  const removed = new Set(adjustments.removedSupplyItems);
  const listed = modelItems.filter((number) => !removed.has(number));
  for (const extra of adjustments.extraSupplyItems) {
    if (!listed.includes(extra)) listed.push(extra);
  }
  return listed;
}

export type ItemChange =
  | { changed: true; adjustments: SupplyItemAdjustments }
  | { changed: false; reason: 'already-listed' | 'not-listed' };

/** Offers one more item for the serial: undoes a removal of a model item, or adds an extra. */
export function addSupplyItem(
  modelItems: readonly string[],
  adjustments: SupplyItemAdjustments,
  reorderNumber: string,
): ItemChange {
  if (listedSupplyItems(modelItems, adjustments).includes(reorderNumber)) {
    return { changed: false, reason: 'already-listed' };
  }
  if (modelItems.includes(reorderNumber)) {
    return {
      changed: true,
      adjustments: {
        extraSupplyItems: [...adjustments.extraSupplyItems],
        removedSupplyItems: adjustments.removedSupplyItems.filter((n) => n !== reorderNumber),
      },
    };
  }
  return {
    changed: true,
    adjustments: {
      extraSupplyItems: [...adjustments.extraSupplyItems, reorderNumber],
      removedSupplyItems: [...adjustments.removedSupplyItems],
    },
  };
}

/** Stops offering an item for the serial: drops an extra, or hides a model item. */
export function removeSupplyItem(
  modelItems: readonly string[],
  adjustments: SupplyItemAdjustments,
  reorderNumber: string,
): ItemChange {
  if (!listedSupplyItems(modelItems, adjustments).includes(reorderNumber)) {
    return { changed: false, reason: 'not-listed' };
  }
  const extraSupplyItems = adjustments.extraSupplyItems.filter((n) => n !== reorderNumber);
  const removedSupplyItems = modelItems.includes(reorderNumber)
    ? [...adjustments.removedSupplyItems, reorderNumber]
    : [...adjustments.removedSupplyItems];
  return { changed: true, adjustments: { extraSupplyItems, removedSupplyItems } };
}
