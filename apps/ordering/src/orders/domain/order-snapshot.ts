import type { OrderSnapshot } from '@metered/contracts';
import type { Order } from './order';

/** What every order event carries: the order as outside systems need it, after the change. */
export function toSnapshot(order: Order): OrderSnapshot {
  return {
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    accountId: order.accountId,
    company: order.company,
    country: order.country,
    serial: order.serial,
    model: { code: order.model.code, name: order.model.name, family: order.model.family },
    shipTo: { ...order.shipTo },
    rows: order.rows.map((row) => ({ ...row })),
    channel: order.channel,
    shippingMethod: order.shippingMethod,
    placedBy: order.placedBy,
    placedAt: order.placedAt.toISOString(),
    status: order.status,
    ...(order.trigger ? { trigger: structuredClone(order.trigger) } : {}),
  };
}
