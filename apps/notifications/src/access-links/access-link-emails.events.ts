import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  LoginDetailsIssuedEvent,
  LoginDetailsIssuedPayload,
  PasswordChangedEvent,
  PasswordChangedPayload,
  PasswordResetRequestedEvent,
  PasswordResetRequestedPayload,
  Topics,
} from '@metered/contracts';
import { EventConsumer, EventEnvelope, idempotent } from '@metered/event-platform';
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
    // Each handler only queues one email whose _id is (template, event): no inbox needed.
    await this.events.consume(context, {
      [LoginDetailsIssuedEvent.type]: idempotent((e: EventEnvelope<LoginDetailsIssuedPayload>) =>
        this.emails.onLoginDetailsIssued(e),
      ),
      [PasswordResetRequestedEvent.type]: idempotent(
        (e: EventEnvelope<PasswordResetRequestedPayload>) =>
          this.emails.onPasswordResetRequested(e),
      ),
      [PasswordChangedEvent.type]: idempotent((e: EventEnvelope<PasswordChangedPayload>) =>
        this.emails.onPasswordChanged(e),
      ),
    });
  }
}
