import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  DeviceSilentEvent,
  DeviceSilentPayload,
  SupplyLowEvent,
  SupplyLowPayload,
  Topics,
} from '@metered/contracts';
import { EventConsumer, EventEnvelope, idempotent } from '@metered/event-platform';
import { DeviceAlertEmailsService } from './device-alert-emails.service';

/**
 * Telemetry's device topic: SupplyLow and DeviceSilent become emails; the rest of the topic
 * (readings accepted, forecasts, replenishment requests) is ignored here. A malformed
 * message is dead-lettered by the consumer.
 */
@Controller()
export class DeviceAlertEmailsEvents {
  constructor(
    @Inject(EventConsumer) private readonly events: EventConsumer,
    @Inject(DeviceAlertEmailsService) private readonly alerts: DeviceAlertEmailsService,
  ) {}

  @EventPattern(Topics.TelemetryDevice)
  async onTelemetryDeviceEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    // Naturally idempotent, so no inbox: each email's _id is (template, event, recipient).
    await this.events.consume(context, {
      [SupplyLowEvent.type]: idempotent((e: EventEnvelope<SupplyLowPayload>) =>
        this.alerts.onSupplyLow(e),
      ),
      [DeviceSilentEvent.type]: idempotent((e: EventEnvelope<DeviceSilentPayload>) =>
        this.alerts.onDeviceSilent(e),
      ),
    });
  }
}
