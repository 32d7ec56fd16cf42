import type { OrderSnapshot } from '@metered/contracts';
import { emptyItem, type SerialStock } from './supply-stock';

/** An order was placed or held: its rows declare what is onsite, and it is open. */
export function orderOpened(order: OrderSnapshot, stock: SerialStock): SerialStock {
  const items = { ...stock.items };
  for (const row of order.rows) {
    const item = { ...(items[row.reorderNumber] ?? emptyItem(row.reorderNumber)) };
    item.openOrders = { ...item.openOrders, [order.orderId]: row.quantity };
    // The newest declaration replaces the estimate (and what was delivered before it).
    if (!item.declaredAt || item.declaredAt <= order.placedAt) {
      item.declaredUnits = row.fullCartonsOnsite * row.bottlesPerCarton + row.bottlesOnsite;
      item.declaredAt = order.placedAt;
      item.deliveredUnits = 0;
    }
    items[row.reorderNumber] = item;
  }
  return { ...stock, items };
}

/** Still open (released, shipped): only makes sure the order is known as open. */
export function orderStillOpen(order: OrderSnapshot, stock: SerialStock): SerialStock {
  const items = { ...stock.items };
  for (const row of order.rows) {
    const item = { ...(items[row.reorderNumber] ?? emptyItem(row.reorderNumber)) };
    if (!item.deliveredOrders.includes(order.orderId)) {
      item.openOrders = { ...item.openOrders, [order.orderId]: row.quantity };
    }
    items[row.reorderNumber] = item;
  }
  return { ...stock, items };
}

export function orderCancelled(order: OrderSnapshot, stock: SerialStock): SerialStock {
  const items = { ...stock.items };
  for (const row of order.rows) {
    const current = items[row.reorderNumber];
    if (!current) continue;
    const { [order.orderId]: _closed, ...open } = current.openOrders;
    items[row.reorderNumber] = { ...current, openOrders: open };
  }
  return { ...stock, items };
}

/** Delivered: no longer open, and its units are onsite (once, even if redelivered). */
export function orderDelivered(
  order: OrderSnapshot,
  deliveredAt: string,
  stock: SerialStock,
): SerialStock {
  const items = { ...stock.items };
  for (const row of order.rows) {
    const item = { ...(items[row.reorderNumber] ?? emptyItem(row.reorderNumber)) };
    const { [order.orderId]: _closed, ...open } = item.openOrders;
    item.openOrders = open;
    if (!item.deliveredOrders.includes(order.orderId)) {
      item.deliveredOrders = [...item.deliveredOrders, order.orderId].slice(-50);
      if (!item.declaredAt || item.declaredAt <= deliveredAt) item.deliveredUnits += row.quantity;
    }
    items[row.reorderNumber] = item;
  }
  return { ...stock, items };
}
