import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@metered/auth';
import { OrderCancelledEvent, OrderReleasedEvent } from '@metered/contracts';
import { EventOutbox } from '@metered/event-platform';
import { ConflictError } from '@metered/service-kit';
import type { Order } from './domain/order';
import { toSnapshot } from './domain/order-snapshot';
import { type Actor, cancel, release, type Transition } from './domain/order-transitions';
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
      (next) =>
        this.outbox.create(OrderReleasedEvent, {
          ...toSnapshot(next),
          releasedBy: user.userId,
          releasedAt: next.release!.at.toISOString(),
          ...(note ? { note } : {}),
        }),
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
      (next) =>
        this.outbox.create(OrderCancelledEvent, {
          ...toSnapshot(next),
          cancelledBy: user.userId,
          cancelledByRole: actor.kind,
          reason,
          cancelledAt: next.cancellation!.at.toISOString(),
        }),
    );
  }

  private async apply(
    orderId: string,
    transition: (order: Order) => Transition,
    event: (next: Order) => ReturnType<EventOutbox['create']>,
  ): Promise<Order> {
    let refusal: string | undefined;
    const after = await this.orders.change(orderId, (current) => {
      const outcome = transition(current);
      if (!outcome.ok) {
        refusal = outcome.reason;
        return null;
      }
      refusal = undefined;
      return { next: outcome.next, events: [event(outcome.next)] };
    });
    if (refusal) throw new ConflictError(refusal);
    return after!;
  }
}
