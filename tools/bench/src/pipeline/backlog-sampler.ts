import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { OUTBOX_PENDING_FILTER } from '../../../../libs/event-platform/src';
import { BenchSettings } from '../settings';

/** Pending documents read per sample; a bigger backlog reads as this many. */
export const BACKLOG_SAMPLE_LIMIT = 2000;

/** Consumer lag (groups with members) and the ordering outbox backlog at one moment. */
export interface BacklogPoint {
  atS: number;
  lag: Record<string, number>;
  outboxPending: number;
  outboxOldestAgeS: number;
}

const WATCHED_TOPICS = ['ordering.order.v1', 'notifications.email.v1', 'fulfilment.shipment.v1'];

/**
 * Every 2 s: how far each consumer group of the order topics is behind (end offset minus
 * committed offset, summed over partitions) and how many orders still hold unpublished events.
 */
export class BacklogSampler {
  readonly points: BacklogPoint[] = [];
  private timer?: NodeJS.Timeout;
  private readonly kafka: Kafka;
  private readonly mongo: MongoClient;
  private began = 0;
  private busy = false;

  constructor(private readonly settings: BenchSettings) {
    this.kafka = new Kafka({
      clientId: 'bench-backlog',
      brokers: settings.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    this.mongo = new MongoClient(settings.mongoUrl, { maxPoolSize: 2 });
  }

  async start(): Promise<void> {
    await this.mongo.connect();
    const admin = this.kafka.admin();
    await admin.connect();
    this.began = performance.now();
    const orders = this.mongo.db(`${this.settings.mongoDbPrefix}_ordering`).collection('orders');
    const tick = async () => {
      if (this.busy) return;
      this.busy = true;
      try {
        const lag: Record<string, number> = {};
        const { groups } = await admin.listGroups();
        // Only groups with members now: a group left behind by an old test run or a stopped
        // example consumer keeps its offsets and would read as an ever-growing lag.
        const candidates = groups.map((g) => g.groupId).filter((id) => !id.startsWith('bench-'));
        const described = candidates.length ? (await admin.describeGroups(candidates)).groups : [];
        const active = described.filter((g) => g.members.length > 0).map((g) => g.groupId);
        for (const groupId of active) {
          for (const topic of WATCHED_TOPICS) {
            const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
            const partitions = committed[0]?.partitions ?? [];
            if (partitions.every((p) => p.offset === '-1')) continue;
            const ends = await admin.fetchTopicOffsets(topic);
            const behind = ends.reduce((sum, end) => {
              const done = partitions.find((p) => p.partition === end.partition);
              const offset = done && done.offset !== '-1' ? Number(done.offset) : Number(end.low);
              return sum + Math.max(0, Number(end.high) - offset);
            }, 0);
            lag[`${groupId} ${topic}`] = behind;
          }
        }
        // The relay's own (pushed-down) filter, unsorted and capped: FerretDB reads whole
        // documents, so counting or sorting a big backlog would load the database under test.
        const pendingDocs = await orders
          .find(OUTBOX_PENDING_FILTER, { projection: { outboxSince: 1 } })
          .limit(BACKLOG_SAMPLE_LIMIT)
          .toArray();
        const pending = pendingDocs.length;
        const oldestMs = Math.min(
          ...pendingDocs.map((doc) => new Date(doc.outboxSince as Date).getTime()),
        );
        const oldestAge = Number.isFinite(oldestMs) ? (Date.now() - oldestMs) / 1000 : 0;
        this.points.push({
          atS: (performance.now() - this.began) / 1000,
          lag,
          outboxPending: pending,
          outboxOldestAgeS: oldestAge,
        });
      } catch {
        // a sample lost under load is not a reason to stop the run
      } finally {
        this.busy = false;
      }
    };
    this.timer = setInterval(() => void tick(), 2000);
    this.stopAdmin = () => admin.disconnect();
  }

  private stopAdmin: () => Promise<void> = async () => undefined;

  async stop(): Promise<BacklogPoint[]> {
    if (this.timer) clearInterval(this.timer);
    while (this.busy) await new Promise((resolve) => setTimeout(resolve, 50));
    await this.stopAdmin();
    await this.mongo.close();
    return this.points;
  }
}
