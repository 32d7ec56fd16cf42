import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  RegistrationApprovedEvent,
  RegistrationApprovedPayload,
  RegistrationRequestedEvent,
  RegistrationRequestedPayload,
  Topics,
} from '@metered/contracts';
import { EventConsumer, EventEnvelope } from '@metered/event-platform';
import { AccountLinkingService } from '../accounts/account-linking.service';
import { SerialChecksService } from '../serial-checks/serial-checks.service';

/**
 * identity's registration topic: requests are checked, approvals become accounts with
 * linked serials. One handler per topic; `consume` validates, deduplicates, retries and
 * parks what cannot be processed on registry's dead-letter topic.
 */
@Controller()
export class RegistrationEvents {
  constructor(
    private readonly events: EventConsumer,
    private readonly serialChecks: SerialChecksService,
    private readonly linking: AccountLinkingService,
  ) {}

  @EventPattern(Topics.IdentityRegistration)
  async onRegistrationEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    await this.events.consume(context, {
      [RegistrationRequestedEvent.type]: (e: EventEnvelope<RegistrationRequestedPayload>) =>
        this.serialChecks.onRegistrationRequested(e),
      [RegistrationApprovedEvent.type]: (e: EventEnvelope<RegistrationApprovedPayload>) =>
        this.linking.onRegistrationApproved(e),
    });
  }
}
