import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  ContractChangedEvent,
  ContractChangedPayload,
  RegistrationApprovedEvent,
  RegistrationApprovedPayload,
  SerialAddedEvent,
  SerialAddedPayload,
  SerialRemovedEvent,
  SerialRemovedPayload,
  ShipToAddressChangedEvent,
  ShipToAddressChangedPayload,
  SupplyItemAddedEvent,
  SupplyItemAddedPayload,
  SupplyItemRemovedEvent,
  SupplyItemRemovedPayload,
  Topics,
} from '@metered/contracts';
import { EventConsumer, EventEnvelope } from '@metered/event-platform';
import { ReadModelsService } from './read-models.service';

/**
 * registry's device and account topics and identity's registration topic feed ordering's
 * read models.
 * `consume` validates, deduplicates (inbox), retries and dead-letters; other event types on
 * these topics are ignored.
 */
@Controller()
export class ReadModelsEvents {
  constructor(
    private readonly events: EventConsumer,
    private readonly readModels: ReadModelsService,
  ) {}

  @EventPattern(Topics.RegistryDevice)
  async onDeviceEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    await this.events.consume(context, {
      [SerialAddedEvent.type]: (e: EventEnvelope<SerialAddedPayload>) =>
        this.readModels.onSerialAdded(e),
      [ContractChangedEvent.type]: (e: EventEnvelope<ContractChangedPayload>) =>
        this.readModels.onContractChanged(e),
      [SerialRemovedEvent.type]: (e: EventEnvelope<SerialRemovedPayload>) =>
        this.readModels.onSerialRemoved(e),
      [SupplyItemAddedEvent.type]: (e: EventEnvelope<SupplyItemAddedPayload>) =>
        this.readModels.onSupplyItemAdded(e),
      [SupplyItemRemovedEvent.type]: (e: EventEnvelope<SupplyItemRemovedPayload>) =>
        this.readModels.onSupplyItemRemoved(e),
    });
  }

  @EventPattern(Topics.RegistryAccount)
  async onAccountEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    await this.events.consume(context, {
      [ShipToAddressChangedEvent.type]: (e: EventEnvelope<ShipToAddressChangedPayload>) =>
        this.readModels.onShipToAddressChanged(e),
    });
  }

  @EventPattern(Topics.IdentityRegistration)
  async onRegistrationEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    await this.events.consume(context, {
      [RegistrationApprovedEvent.type]: (e: EventEnvelope<RegistrationApprovedPayload>) =>
        this.readModels.onRegistrationApproved(e),
    });
  }
}
