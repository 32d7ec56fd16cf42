import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  ContractChangedEvent,
  ContractChangedPayload,
  RegistrationApprovedEvent,
  RegistrationApprovedPayload,
  SerialAddedEvent,
  SerialAddedPayload,
  Topics,
} from '@metered/contracts';
import { EventConsumer, EventEnvelope } from '@metered/event-platform';
import { ReadModelsService } from './read-models.service';

/**
 * registry's device topic and identity's registration topic feed ordering's read models.
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
