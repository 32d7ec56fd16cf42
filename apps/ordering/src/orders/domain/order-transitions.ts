import type { OrderStatus } from '@metered/contracts';
import type { Order } from './order';

/** Who asks for a change; customers may only touch their own orders (checked before). */
export type Actor = { userId: string; kind: 'customer' | 'helpdesk' };

export type Transition =
  { ok: true; next: Order } | { ok: false; reason: string; ignorable?: boolean };

const CUSTOMER_CANCELLABLE: readonly OrderStatus[] = ['placed', 'held'];
const HELPDESK_CANCELLABLE: readonly OrderStatus[] = ['placed', 'held', 'released'];
/** What the warehouse may pick up: accepted and not stopped. */
const SHIPPABLE: readonly OrderStatus[] = ['placed', 'released'];

function moved(
  order: Order,
  status: OrderStatus,
  at: Date,
  by: string,
  note?: string,
): Order['history'] {
  return [...order.history, { status, at, by, ...(note ? { note } : {}) }];
}

/** A helpdesk agent lets a held order go to fulfilment. */
export function release(order: Order, actor: Actor, at: Date, note?: string): Transition {
  if (order.status !== 'held') {
    return { ok: false, reason: `order ${order.orderNumber} is ${order.status}, not held` };
  }
  return {
    ok: true,
    next: {
      ...order,
      status: 'released',
      release: { by: actor.userId, at, ...(note ? { note } : {}) },
      history: moved(order, 'released', at, actor.userId, note),
    },
  };
}

/** Customers cancel their own order until it is released; the helpdesk until it ships. */
export function cancel(order: Order, actor: Actor, at: Date, reason: string): Transition {
  const allowed = actor.kind === 'customer' ? CUSTOMER_CANCELLABLE : HELPDESK_CANCELLABLE;
  if (!allowed.includes(order.status)) {
    const who = actor.kind === 'customer' ? 'you' : 'the helpdesk';
    return {
      ok: false,
      reason: `order ${order.orderNumber} is ${order.status}: ${who} can no longer cancel it`,
    };
  }
  return {
    ok: true,
    next: {
      ...order,
      status: 'cancelled',
      cancellation: { by: actor.userId, role: actor.kind, reason, at },
      history: moved(order, 'cancelled', at, actor.userId, reason),
    },
  };
}

/**
 * The warehouse dispatched the parcel. A repeat (same status) or an impossible move (a
 * cancelled or held order) is ignorable: the event is logged, not retried forever.
 */
export function ship(
  order: Order,
  shipment: { carrier: string; trackingNumber: string; shippedAt: Date },
): Transition {
  if (!SHIPPABLE.includes(order.status)) {
    return {
      ok: false,
      ignorable: true,
      reason: `order ${order.orderNumber} is ${order.status}; dispatch ignored`,
    };
  }
  return {
    ok: true,
    next: {
      ...order,
      status: 'shipped',
      shipment: { ...shipment },
      history: moved(order, 'shipped', shipment.shippedAt, 'fulfilment'),
    },
  };
}

export function deliver(order: Order, deliveredAt: Date): Transition {
  if (order.status !== 'shipped' || !order.shipment) {
    return {
      ok: false,
      ignorable: true,
      reason: `order ${order.orderNumber} is ${order.status}; delivery ignored`,
    };
  }
  return {
    ok: true,
    next: {
      ...order,
      status: 'delivered',
      shipment: { ...order.shipment, deliveredAt },
      history: moved(order, 'delivered', deliveredAt, 'fulfilment'),
    },
  };
}
