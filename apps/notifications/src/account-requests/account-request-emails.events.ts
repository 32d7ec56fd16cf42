import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  MachinesRequestDecidedEvent,
  MachinesRequestDecidedPayload,
  MachinesRequestedEvent,
  MachinesRequestedPayload,
  SupplyItemRequestDecidedEvent,
  SupplyItemRequestDecidedPayload,
  SupplyItemRequestedEvent,
  SupplyItemRequestedPayload,
  Topics,
} from '@metered/contracts';
import { EventConsumer, EventEnvelope } from '@metered/event-platform';
import { AccountRequestEmailsService } from './account-request-emails.service';

/** Kafka handler: the registry's customer requests to the helpdesk and their decisions. */
@Controller()
export class AccountRequestEmailsEvents {
  constructor(
    @Inject(EventConsumer) private readonly events: EventConsumer,
    @Inject(AccountRequestEmailsService) private readonly emails: AccountRequestEmailsService,
  ) {}

  @EventPattern(Topics.RegistryAccountRequest)
  async onAccountRequestEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    await this.events.consume(context, {
      [MachinesRequestedEvent.type]: (e: EventEnvelope<MachinesRequestedPayload>) =>
        this.emails.onMachinesRequested(e),
      [MachinesRequestDecidedEvent.type]: (e: EventEnvelope<MachinesRequestDecidedPayload>) =>
        this.emails.onMachinesRequestDecided(e),
      [SupplyItemRequestedEvent.type]: (e: EventEnvelope<SupplyItemRequestedPayload>) =>
        this.emails.onSupplyItemRequested(e),
      [SupplyItemRequestDecidedEvent.type]: (e: EventEnvelope<SupplyItemRequestDecidedPayload>) =>
        this.emails.onSupplyItemRequestDecided(e),
    });
  }
}
