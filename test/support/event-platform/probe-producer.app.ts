import { Body, Controller, HttpException, Inject, Module, Post, Type } from '@nestjs/common';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import { Model, Schema } from 'mongoose';
import { PlatformProbeRecordedPayload } from '@metered/contracts';
import {
  EventDefinition,
  EventOutbox,
  EventPlatformModule,
  OutboxFields,
  OutboxRelaySettings,
  outboxPlugin,
} from '@metered/event-platform';
import { databaseUri, probeCatalog, probeEventOn, testInfrastructure } from './probe-event';

export const PROBE_COLLECTION = 'probes';
const PROBE_MODEL = 'Probe';
const PROBE_EVENT = Symbol('PROBE_EVENT');

export interface ProbeDocument extends OutboxFields {
  _id: string;
  /** How many events the probe has emitted so far; also its optimistic-concurrency version. */
  events: number;
}

export const ProbeSchema = new Schema<ProbeDocument>(
  { _id: { type: String, required: true }, events: { type: Number, required: true } },
  { versionKey: false, collection: PROBE_COLLECTION },
);
ProbeSchema.plugin(outboxPlugin);

interface RecordProbeBody {
  probeId: string;
  count?: number;
  note?: string;
}

/**
 * The producer side as a service would write it: state change and events in one
 * single-document write (insert or version-conditional update), then a nudge to the relay.
 */
@Controller('probes')
class ProbeController {
  constructor(
    @InjectModel(PROBE_MODEL) private readonly probes: Model<ProbeDocument>,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(PROBE_EVENT) private readonly definition: EventDefinition<PlatformProbeRecordedPayload>,
  ) {}

  @Post()
  async record(@Body() body: RecordProbeBody) {
    const count = body.count ?? 1;
    // Optimistic: decide from what we read, write only if the counter is unchanged (checked
    // under the document lock by EventOutbox.update), else 409.
    const existing = await this.probes.findById(body.probeId).lean();
    const from = existing?.events ?? 0;
    const events = Array.from({ length: count }, (_, i) =>
      this.outbox.create(this.definition, {
        probeId: body.probeId,
        sequence: from + i + 1,
        note: body.note,
      }),
    );
    if (!existing) {
      await this.outbox.insert(this.probes, { _id: body.probeId, events: count }, events);
    } else {
      const updated = await this.outbox.update(
        this.probes,
        { _id: body.probeId, events: from },
        { $set: { events: from + count } },
        events,
      );
      if (!updated) throw new HttpException('probe changed concurrently', 409);
    }
    return { probeId: body.probeId, eventIds: events.map((event) => event.envelope.eventId) };
  }
}

export interface ProbeProducerOptions {
  service: string;
  topic: string;
  relay?: Partial<OutboxRelaySettings>;
}

/** A small HTTP service whose probe documents emit PlatformProbeRecorded through the outbox. */
export function probeProducerModule(options: ProbeProducerOptions): Type<unknown> {
  @Module({
    imports: [
      MongooseModule.forRoot(databaseUri(options.service), { serverSelectionTimeoutMS: 5000 }),
      MongooseModule.forFeature([{ name: PROBE_MODEL, schema: ProbeSchema }]),
      EventPlatformModule.forRoot({
        service: options.service,
        catalog: probeCatalog(options.topic),
        outboxCollections: [PROBE_COLLECTION],
        relay: options.relay,
        infrastructure: testInfrastructure(),
      }),
    ],
    controllers: [ProbeController],
    providers: [{ provide: PROBE_EVENT, useValue: probeEventOn(options.topic) }],
  })
  class ProbeProducerModule {}
  return ProbeProducerModule;
}
