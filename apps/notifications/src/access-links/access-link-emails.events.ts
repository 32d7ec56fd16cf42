import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import {
  LoginDetailsIssuedEvent,
  PasswordChangedEvent,
  PasswordChangedPayload,
  PasswordResetRequestedEvent,
  Topics,
} from '@metered/contracts';
import { EventConsumer, EventEnvelope, idempotent } from '@metered/event-platform';
import {
  AccessLinkEmailsService,
  LoginDetailsIssuedAnyPayload,
  PasswordResetRequestedAnyPayload,
} from './access-link-emails.service';

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
    // A type's handler gets every version: v2 (sealed link) and, for this release, v1.
    await this.events.consume(context, {
      [LoginDetailsIssuedEvent.type]: idempotent((e: EventEnvelope<LoginDetailsIssuedAnyPayload>) =>
        this.emails.onLoginDetailsIssued(e),
      ),
      [PasswordResetRequestedEvent.type]: idempotent(
        (e: EventEnvelope<PasswordResetRequestedAnyPayload>) =>
          this.emails.onPasswordResetRequested(e),
      ),
      [PasswordChangedEvent.type]: idempotent((e: EventEnvelope<PasswordChangedPayload>) =>
        this.emails.onPasswordChanged(e),
      ),
    });
  }
}
