import { Controller, Inject, Module, Type } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { PlatformProbeRecordedEvent, PlatformProbeRecordedPayload } from '@metered/contracts';
import {
  ConsumeOutcome,
  CorrelationContext,
  EventConsumer,
  EventConsumerSettings,
  EventEnvelope,
  EventPlatformModule,
} from '@metered/event-platform';
import { databaseUri, probeCatalog, testInfrastructure } from './probe-event';

/** Every run of the handler leaves one document here; a test counts them per eventId. */
export const EFFECTS_COLLECTION = 'probe_effects';

export interface ProbeEffect {
  eventId: string;
  probeId: string;
  sequence: number;
  note: string | null;
  /** The correlation context the handler ran in (not the envelope's copy). */
  contextCorrelationId: string | null;
  contextCausationId: string | null;
  handledAt: Date;
}

export interface ProbeConsumerOptions {
  service: string;
  topic: string;
  consumer?: Partial<EventConsumerSettings>;
}

/** Notes the handler obeys, so a test can make it fail. */
export const ProbeNotes = { alwaysFail: 'always-fail', failTwice: 'fail-twice' } as const;

/**
 * The consumer side as a service would write it: an @EventPattern handler whose whole body
 * is `events.consume(context, { [type]: handler })`.
 */
export function probeConsumerModule(options: ProbeConsumerOptions): Type<unknown> {
  @Controller()
  class ProbeHandlers {
    readonly outcomes: ConsumeOutcome[] = [];
    private readonly failures = new Map<string, number>();

    constructor(
      @Inject(EventConsumer) private readonly events: EventConsumer,
      @InjectConnection() private readonly connection: Connection,
    ) {}

    @EventPattern(options.topic)
    async onProbe(@Payload() _value: unknown, @Ctx() context: KafkaContext): Promise<void> {
      const outcome = await this.events.consume(context, {
        [PlatformProbeRecordedEvent.type]: (
          envelope: EventEnvelope<PlatformProbeRecordedPayload>,
        ) => this.recordEffect(envelope),
      });
      this.outcomes.push(outcome);
    }

    private async recordEffect(
      envelope: EventEnvelope<PlatformProbeRecordedPayload>,
    ): Promise<void> {
      const { payload } = envelope;
      if (payload.note === ProbeNotes.alwaysFail) {
        throw new Error(`probe ${payload.probeId} refused on purpose`);
      }
      if (payload.note === ProbeNotes.failTwice) {
        const failed = this.failures.get(envelope.eventId) ?? 0;
        if (failed < 2) {
          this.failures.set(envelope.eventId, failed + 1);
          throw new Error(`probe ${payload.probeId} fails ${failed + 1}/2`);
        }
      }
      const context = CorrelationContext.current();
      const effect: ProbeEffect = {
        eventId: envelope.eventId,
        probeId: payload.probeId,
        sequence: payload.sequence,
        note: payload.note ?? null,
        contextCorrelationId: context?.correlationId ?? null,
        contextCausationId: context?.causationId ?? null,
        handledAt: new Date(),
      };
      await this.connection.collection(EFFECTS_COLLECTION).insertOne(effect);
    }
  }

  @Module({
    imports: [
      MongooseModule.forRoot(databaseUri(options.service), { serverSelectionTimeoutMS: 5000 }),
      EventPlatformModule.forRoot({
        service: options.service,
        catalog: probeCatalog(options.topic),
        consumer: options.consumer,
        relay: { enabled: false },
        infrastructure: testInfrastructure(),
      }),
    ],
    controllers: [ProbeHandlers],
  })
  class ProbeConsumerModule {}
  return ProbeConsumerModule;
}
