import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  ShipmentDeliveredEvent,
  ShipmentDeliveredPayload,
  ShipmentDispatchedEvent,
  ShipmentDispatchedPayload,
  Topics,
} from '@metered/contracts';
import { EventConsumer, EventEnvelope } from '@metered/event-platform';
import { FulfilmentService } from './fulfilment.service';

/** The warehouse's shipment topic (the simulator's in dev and tests). */
@Controller()
export class FulfilmentEvents {
  constructor(
    private readonly events: EventConsumer,
    private readonly fulfilment: FulfilmentService,
  ) {}

  @EventPattern(Topics.FulfilmentShipment)
  async onShipmentEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    await this.events.consume(context, {
      [ShipmentDispatchedEvent.type]: (e: EventEnvelope<ShipmentDispatchedPayload>) =>
        this.fulfilment.onDispatched(e),
      [ShipmentDeliveredEvent.type]: (e: EventEnvelope<ShipmentDeliveredPayload>) =>
        this.fulfilment.onDelivered(e),
    });
  }
}
