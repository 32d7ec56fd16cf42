import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  LoginDetailsIssuedEvent,
  LoginDetailsIssuedPayload,
  PasswordResetRequestedEvent,
  PasswordResetRequestedPayload,
  Topics,
} from '@metered/contracts';
import { EventConsumer, EventEnvelope } from '@metered/event-platform';
import { AccessLinkEmailsService } from './access-link-emails.service';

/** Kafka handlers of identity's one-time links. */
@Controller()
export class AccessLinkEmailsEvents {
  constructor(
    @Inject(EventConsumer) private readonly events: EventConsumer,
    @Inject(AccessLinkEmailsService) private readonly emails: AccessLinkEmailsService,
  ) {}

  @EventPattern(Topics.IdentityAccessLink)
  async onAccessLinkEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    await this.events.consume(context, {
      [LoginDetailsIssuedEvent.type]: (e: EventEnvelope<LoginDetailsIssuedPayload>) =>
        this.emails.onLoginDetailsIssued(e),
      [PasswordResetRequestedEvent.type]: (e: EventEnvelope<PasswordResetRequestedPayload>) =>
        this.emails.onPasswordResetRequested(e),
    });
  }
}
