import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  RegistrationApprovedEvent,
  RegistrationApprovedPayload,
  RegistrationRejectedEvent,
  RegistrationRejectedPayload,
  RegistrationRequestedEvent,
  RegistrationRequestedPayload,
  SerialsValidatedEvent,
  SerialsValidatedPayload,
  Topics,
} from '@metered/contracts';
import { EventConsumer, EventEnvelope } from '@metered/event-platform';
import { OrderEmailsService } from '../order-emails/order-emails.service';
import { RegistrationEmailsService } from './registration-emails.service';

/**
 * Kafka handlers: registration requests (identity) and their serial checks (registry). An
 * approval names the account's first user, whom order emails go to: one handler per topic
 * keeps each message parsed, deduplicated and dead-lettered once.
 */
@Controller()
export class RegistrationEmailsEvents {
  constructor(
    @Inject(EventConsumer) private readonly events: EventConsumer,
    @Inject(RegistrationEmailsService) private readonly emails: RegistrationEmailsService,
    @Inject(OrderEmailsService) private readonly orderEmails: OrderEmailsService,
  ) {}

  @EventPattern(Topics.IdentityRegistration)
  async onRegistrationEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    await this.events.consume(context, {
      [RegistrationRequestedEvent.type]: (e: EventEnvelope<RegistrationRequestedPayload>) =>
        this.emails.onRegistrationRequested(e),
      [RegistrationRejectedEvent.type]: (e: EventEnvelope<RegistrationRejectedPayload>) =>
        this.emails.onRegistrationRejected(e),
      [RegistrationApprovedEvent.type]: (e: EventEnvelope<RegistrationApprovedPayload>) =>
        this.orderEmails.onRegistrationApproved(e),
    });
  }

  @EventPattern(Topics.RegistrySerialCheck)
  async onSerialCheckEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    await this.events.consume(context, {
      [SerialsValidatedEvent.type]: (e: EventEnvelope<SerialsValidatedPayload>) =>
        this.emails.onSerialsValidated(e),
    });
  }
}
