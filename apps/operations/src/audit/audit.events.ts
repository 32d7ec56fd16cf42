import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { StaffActionRecordedEvent, StaffActionRecordedPayload, Topics } from '@metered/contracts';
import { EventConsumer, EventEnvelope } from '@metered/event-platform';
import { AuditService } from './audit.service';

/** Kafka handler: staff actions of every service (platform.audit.v1) into the trail. */
@Controller()
export class AuditEvents {
  constructor(
    @Inject(EventConsumer) private readonly events: EventConsumer,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @EventPattern(Topics.PlatformAudit)
  async onAuditEvent(@Payload() _value: unknown, @Ctx() context: KafkaContext) {
    await this.events.consume(context, {
      [StaffActionRecordedEvent.type]: (e: EventEnvelope<StaffActionRecordedPayload>) =>
        this.audit.record(e),
    });
  }
}
