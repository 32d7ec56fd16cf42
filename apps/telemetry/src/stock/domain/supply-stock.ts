/**
 * What telemetry knows of one item of a device from ordering's events: the units the customer
 * declared onsite with their last order, the units delivered since, and the open orders.
 * Onsite units = declared + delivered since the declaration − swaps detected since then.
 */
export interface ItemStock {
  reorderNumber: string;
  /** Units (bottles) declared onsite with the last order, and when. */
  declaredUnits: number;
  declaredAt?: string;
  /** Units of orders delivered after the declaration. */
  deliveredUnits: number;
  /** Open orders (placed, held, released, shipped): order id → units. */
  openOrders: Record<string, number>;
  /** Orders already counted as delivered (a redelivered OrderDelivered adds nothing). */
  deliveredOrders: string[];
}

export interface SerialStock {
  serial: string;
  items: Record<string, ItemStock>;
}

export function emptyItem(reorderNumber: string): ItemStock {
  return {
    reorderNumber,
    declaredUnits: 0,
    deliveredUnits: 0,
    openOrders: {},
    deliveredOrders: [],
  };
}

/** Onsite units of an item, given how many swaps of it were detected since `declaredAt`. */
export function onsiteUnits(item: ItemStock | undefined, swapsSinceDeclaration: number): number {
  if (!item) return 0;
  return Math.max(0, item.declaredUnits + item.deliveredUnits - swapsSinceDeclaration);
}

export function hasOpenOrder(item: ItemStock | undefined): boolean {
  return item !== undefined && Object.keys(item.openOrders).length > 0;
}
