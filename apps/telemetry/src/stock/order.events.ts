import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  OrderCancelledEvent,
  type OrderCancelledPayload,
  OrderDeliveredEvent,
  type OrderDeliveredPayload,
  OrderHeldEvent,
  type OrderHeldPayload,
  OrderPlacedEvent,
  type OrderPlacedPayload,
  OrderReleasedEvent,
  type OrderReleasedPayload,
  OrderShippedEvent,
  type OrderShippedPayload,
  Topics,
} from '@metered/contracts';
import { EventConsumer, EventEnvelope } from '@metered/event-platform';
import {
  orderCancelled,
  orderDelivered,
  orderOpened,
  orderStillOpen,
} from './domain/stock-changes';
import { SerialStockRepository } from './persistence/serial-stock.repository';

/**
 * ordering's orders (keyed by serial) feed onsite stock and open orders per serial and item:
 * the declaration of what is onsite with each order, the units delivered, and which orders
 * are still open (automatic replenishment never orders while one is). The inbox keeps each
 * event's effect single.
 */
@Controller()
export class OrderEvents {
  constructor(
    private readonly events: EventConsumer,
    private readonly stock: SerialStockRepository,
  ) {}

  @EventPattern(Topics.OrderingOrder)
  async onOrderEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    await this.events.consume(context, {
      [OrderPlacedEvent.type]: ({ payload }: EventEnvelope<OrderPlacedPayload>) =>
        this.stock.change(payload.serial, (current) => orderOpened(payload, current)),
      [OrderHeldEvent.type]: ({ payload }: EventEnvelope<OrderHeldPayload>) =>
        this.stock.change(payload.serial, (current) => orderOpened(payload, current)),
      [OrderReleasedEvent.type]: ({ payload }: EventEnvelope<OrderReleasedPayload>) =>
        this.stock.change(payload.serial, (current) => orderStillOpen(payload, current)),
      [OrderShippedEvent.type]: ({ payload }: EventEnvelope<OrderShippedPayload>) =>
        this.stock.change(payload.serial, (current) => orderStillOpen(payload, current)),
      [OrderCancelledEvent.type]: ({ payload }: EventEnvelope<OrderCancelledPayload>) =>
        this.stock.change(payload.serial, (current) => orderCancelled(payload, current)),
      [OrderDeliveredEvent.type]: ({ payload }: EventEnvelope<OrderDeliveredPayload>) =>
        this.stock.change(payload.serial, (current) =>
          orderDelivered(payload, payload.deliveredAt, current),
        ),
    });
  }
}
