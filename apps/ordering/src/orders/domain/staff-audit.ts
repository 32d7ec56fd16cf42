import type { Actor, OrderStatus, StaffActionRecordedPayload } from '@metered/contracts';
import type { Order } from './order';

export type OrderAuditAction = 'order.placed' | 'order.released' | 'order.cancelled';

export interface OrderAuditInput {
  auditId: string;
  actor: Actor;
  action: OrderAuditAction;
  /** The order after the action. */
  order: Order;
  /** Its status before (absent when the action created it). */
  before?: OrderStatus;
  reason?: string;
  at: Date;
}

/**
 * The audit record of a helpdesk action on an order, written in the same outbox write as the
 * order change: who, when, which order of which account, and its status before and after.
 */
export function orderAudit(input: OrderAuditInput): StaffActionRecordedPayload {
  const { order } = input;
  return {
    auditId: input.auditId,
    service: 'ordering',
    actor: { userId: input.actor.userId, email: input.actor.email, roles: [...input.actor.roles] },
    action: input.action,
    subject: { type: 'order', id: order.orderId },
    accountId: order.accountId,
    ...(input.before ? { before: { status: input.before } } : {}),
    after: {
      status: order.status,
      orderNumber: order.orderNumber,
      serial: order.serial,
      channel: order.channel,
      shippingMethod: order.shippingMethod,
    },
    ...(input.reason ? { reason: input.reason } : {}),
    at: input.at.toISOString(),
  };
}
