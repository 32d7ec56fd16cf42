import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { SessionRevokedEvent, SessionRevokedPayload, Topics } from '@metered/contracts';
import { EventConsumer, EventEnvelope } from '@metered/event-platform';
import { RevokedSessionsStore } from './revoked-sessions.store';

/** Every service that imports AuthModule learns of ended sessions through this handler. */
@Controller()
export class SessionRevocationEvents {
  constructor(
    private readonly events: EventConsumer,
    private readonly store: RevokedSessionsStore,
  ) {}

  @EventPattern(Topics.IdentitySession)
  async onSessionEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.events.consume(context, {
      [SessionRevokedEvent.type]: ({ payload }: EventEnvelope<SessionRevokedPayload>) =>
        this.store.record({
          _id: payload.sessionId,
          userId: payload.userId,
          reason: payload.reason,
          revokedAt: new Date(payload.revokedAt),
          expiresAt: new Date(payload.accessTokensExpireBy),
        }),
    });
  }
}
