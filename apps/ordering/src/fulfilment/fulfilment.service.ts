import { Injectable, Logger } from '@nestjs/common';
import {
  OrderDeliveredEvent,
  OrderShippedEvent,
  type ShipmentDeliveredPayload,
  type ShipmentDispatchedPayload,
} from '@metered/contracts';
import { EventOutbox, type EventEnvelope } from '@metered/event-platform';
import type { Order } from '../orders/domain/order';
import { toSnapshot } from '../orders/domain/order-snapshot';
import { deliver, ship, type Transition } from '../orders/domain/order-transitions';
import { OrdersRepository } from '../orders/persistence/orders.repository';

/**
 * The warehouse's shipment events become order status (shipped, delivered) with their own
 * order events. Repeats and impossible moves are logged and dropped: retrying them would
 * never succeed, and parking them would alarm ops for nothing.
 */
@Injectable()
export class FulfilmentService {
  private readonly logger = new Logger(FulfilmentService.name);

  constructor(
    private readonly orders: OrdersRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async onDispatched({ payload }: EventEnvelope<ShipmentDispatchedPayload>): Promise<void> {
    const shippedAt = new Date(payload.dispatchedAt);
    await this.apply(
      payload.orderId,
      (order) =>
        ship(order, {
          carrier: payload.carrier,
          trackingNumber: payload.trackingNumber,
          shippedAt,
        }),
      (next) =>
        this.outbox.create(OrderShippedEvent, {
          ...toSnapshot(next),
          carrier: payload.carrier,
          trackingNumber: payload.trackingNumber,
          shippedAt: shippedAt.toISOString(),
        }),
    );
  }

  async onDelivered({ payload }: EventEnvelope<ShipmentDeliveredPayload>): Promise<void> {
    const deliveredAt = new Date(payload.deliveredAt);
    await this.apply(
      payload.orderId,
      (order) => deliver(order, deliveredAt),
      (next) =>
        this.outbox.create(OrderDeliveredEvent, {
          ...toSnapshot(next),
          deliveredAt: deliveredAt.toISOString(),
        }),
    );
  }

  private async apply(
    orderId: string,
    transition: (order: Order) => Transition,
    event: (next: Order) => ReturnType<EventOutbox['create']>,
  ): Promise<void> {
    const after = await this.orders.change(orderId, (current) => {
      const outcome = transition(current);
      if (!outcome.ok) {
        this.logger.warn(outcome.reason);
        return null;
      }
      return { next: outcome.next, events: [event(outcome.next)] };
    });
    if (!after) this.logger.warn(`shipment for unknown order ${orderId}; ignored`);
  }
}
