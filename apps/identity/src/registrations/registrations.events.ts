import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { SerialsValidatedEvent, SerialsValidatedPayload, Topics } from '@metered/contracts';
import { EventConsumer, EventEnvelope } from '@metered/event-platform';
import { RegistrationChecksService } from './registration-checks.service';

/** Kafka side of registrations: the registry's checks of a request's serials. */
@Controller()
export class RegistrationsEvents {
  constructor(
    private readonly events: EventConsumer,
    private readonly checks: RegistrationChecksService,
  ) {}

  @EventPattern(Topics.RegistrySerialCheck)
  async onSerialCheck(@Payload() _value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.events.consume(context, {
      [SerialsValidatedEvent.type]: (envelope: EventEnvelope<SerialsValidatedPayload>) =>
        this.checks.recordChecks(envelope.payload),
    });
  }
}
