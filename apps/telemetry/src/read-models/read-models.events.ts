import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  SerialAddedEvent,
  SerialAddedPayload,
  SerialRemovedEvent,
  SerialRemovedPayload,
  SupplyItemAddedEvent,
  SupplyItemAddedPayload,
  SupplyItemRemovedEvent,
  SupplyItemRemovedPayload,
  Topics,
} from '@metered/contracts';
import { EventConsumer, EventEnvelope } from '@metered/event-platform';
import { serialAdded, serialRemoved, supplyItemAdded, supplyItemRemoved } from './device-view';
import { DevicesRepository } from './persistence/devices.repository';

/**
 * registry's devices feed telemetry's read model (whose serial is it, its country, model and
 * items): ingest checks serials against it and the fleet page lists it. Every change ignores
 * what is older than what is stored, so redeliveries and replays are safe.
 */
@Controller()
export class ReadModelsEvents {
  private readonly logger = new Logger(ReadModelsEvents.name);

  constructor(
    private readonly events: EventConsumer,
    private readonly devices: DevicesRepository,
  ) {}

  @EventPattern(Topics.RegistryDevice)
  async onDeviceEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    await this.events.consume(context, {
      [SerialAddedEvent.type]: (e: EventEnvelope<SerialAddedPayload>) =>
        this.apply(e.type, e.payload.serial, serialAdded(e.payload)),
      [SerialRemovedEvent.type]: (e: EventEnvelope<SerialRemovedPayload>) =>
        this.apply(e.type, e.payload.serial, serialRemoved(e.payload)),
      [SupplyItemAddedEvent.type]: (e: EventEnvelope<SupplyItemAddedPayload>) =>
        this.apply(e.type, e.payload.serial, supplyItemAdded(e.payload)),
      [SupplyItemRemovedEvent.type]: (e: EventEnvelope<SupplyItemRemovedPayload>) =>
        this.apply(e.type, e.payload.serial, supplyItemRemoved(e.payload)),
    });
  }

  private async apply(
    type: string,
    serial: string,
    change: Parameters<DevicesRepository['change']>[1],
  ): Promise<void> {
    if (!(await this.devices.change(serial, change))) {
      this.logger.debug(`${type} ${serial}: not newer than what is stored; ignored`);
    }
  }
}
