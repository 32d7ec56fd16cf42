import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  ReplenishmentRequestedEvent,
  ReplenishmentRequestedPayload,
  Topics,
} from '@metered/contracts';
import { EventConsumer, EventEnvelope, idempotent } from '@metered/event-platform';
import { AutoReplenishmentService } from './auto-replenishment.service';

/**
 * Telemetry's device topic: only ReplenishmentRequested concerns ordering (the other
 * telemetry events are ignored). A malformed message is dead-lettered by the consumer.
 */
@Controller()
export class AutoReplenishmentEvents {
  constructor(
    private readonly events: EventConsumer,
    private readonly replenishment: AutoReplenishmentService,
  ) {}

  @EventPattern(Topics.TelemetryDevice)
  async onTelemetryDeviceEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    // Naturally idempotent, so no inbox: the request's record (by requestId) and the order's
    // Idempotency-Key make a redelivery change nothing.
    await this.events.consume(context, {
      [ReplenishmentRequestedEvent.type]: idempotent(
        (e: EventEnvelope<ReplenishmentRequestedPayload>) => this.replenishment.onRequested(e),
      ),
    });
  }
}
