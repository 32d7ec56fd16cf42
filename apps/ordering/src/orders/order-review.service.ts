import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@metered/auth';
import {
  OrderCancelledEvent,
  OrderReleasedEvent,
  StaffActionRecordedEvent,
} from '@metered/contracts';
import { EventOutbox, OutgoingEvent } from '@metered/event-platform';
import { ConflictError } from '@metered/service-kit';
import type { Order } from './domain/order';
import { toSnapshot } from './domain/order-snapshot';
import { type Actor, cancel, release, type Transition } from './domain/order-transitions';
import { type OrderAuditAction, orderAudit } from './domain/staff-audit';
import { isOrderStaff } from './order-access';
import { OrderQueriesService } from './order-queries.service';
import { OrdersRepository } from './persistence/orders.repository';

/** Helpdesk decisions on held orders, and cancellations by customers or the helpdesk. */
@Injectable()
export class OrderReviewService {
  constructor(
    private readonly queries: OrderQueriesService,
    private readonly orders: OrdersRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async release(user: AuthenticatedUser, ref: string, note?: string): Promise<Order> {
    const { orderId } = await this.queries.get(user, ref);
    const actor: Actor = { userId: user.userId, kind: 'helpdesk' };
    return this.apply(
      orderId,
      (order) => release(order, actor, new Date(), note),
      (before, next) => [
        this.outbox.create(OrderReleasedEvent, {
          ...toSnapshot(next),
          releasedBy: user.userId,
          releasedAt: next.release!.at.toISOString(),
          ...(note ? { note } : {}),
        }),
        this.audit(user, 'order.released', before, next, next.release!.at, note),
      ],
    );
  }

  async cancel(user: AuthenticatedUser, ref: string, reason: string): Promise<Order> {
    const { orderId } = await this.queries.get(user, ref);
    const actor: Actor = {
      userId: user.userId,
      kind: isOrderStaff(user) ? 'helpdesk' : 'customer',
    };
    return this.apply(
      orderId,
      (order) => cancel(order, actor, new Date(), reason),
      (before, next) => {
        const cancelled = this.outbox.create(OrderCancelledEvent, {
          ...toSnapshot(next),
          cancelledBy: user.userId,
          cancelledByRole: actor.kind,
          reason,
          cancelledAt: next.cancellation!.at.toISOString(),
        });
        if (actor.kind === 'customer') return [cancelled];
        const at = next.cancellation!.at;
        return [cancelled, this.audit(user, 'order.cancelled', before, next, at, reason)];
      },
    );
  }

  /** The audit record of a helpdesk action, in the same write as the order change. */
  private audit(
    user: AuthenticatedUser,
    action: OrderAuditAction,
    before: Order,
    next: Order,
    at: Date,
    reason?: string,
  ): OutgoingEvent {
    return this.outbox.create(
      StaffActionRecordedEvent,
      orderAudit({
        auditId: randomUUID(),
        actor: user,
        action,
        order: next,
        before: before.status,
        reason,
        at,
      }),
    );
  }

  private async apply(
    orderId: string,
    transition: (order: Order) => Transition,
    events: (before: Order, next: Order) => OutgoingEvent[],
  ): Promise<Order> {
    let refusal: string | undefined;
    const after = await this.orders.change(orderId, (current) => {
      const outcome = transition(current);
      if (!outcome.ok) {
        refusal = outcome.reason;
        return null;
      }
      refusal = undefined;
      return { next: outcome.next, events: events(current, outcome.next) };
    });
    if (refusal) throw new ConflictError(refusal);
    return after!;
  }
}
