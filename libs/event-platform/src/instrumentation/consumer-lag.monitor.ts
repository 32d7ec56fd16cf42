import type { Admin, Kafka } from 'kafkajs';
import { kafkaConsumerLag } from '@metered/service-kit';

const REFRESH_MS = 15_000;

/** Lag of one partition: what the group has not committed yet (everything when it never did). */
export function partitionLag(committed: string, high: string, low: string): number {
  const end = Number(high);
  const start = Number(committed) >= 0 ? Number(committed) : Number(low);
  return Math.max(0, end - start);
}

/**
 * `kafka_consumer_lag{group,topic,partition}` of the service's own consumer group, asked of
 * Kafka at most every 15 s (at scrape time: nothing runs while nobody looks).
 */
export class ConsumerLagMonitor {
  private admin?: Admin;
  private refreshedAt = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly group: string,
  ) {}

  async refresh(now = Date.now()): Promise<void> {
    if (now - this.refreshedAt < REFRESH_MS) return;
    this.refreshedAt = now;
    try {
      const admin = await this.connect();
      const committed = await admin.fetchOffsets({ groupId: this.group });
      kafkaConsumerLag.reset();
      for (const { topic, partitions } of committed) {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const end of ends) {
          const own = partitions.find((p) => p.partition === end.partition);
          kafkaConsumerLag.set(
            { group: this.group, topic, partition: String(end.partition) },
            partitionLag(own?.offset ?? '-1', end.high, end.low),
          );
        }
      }
    } catch {
      // Kafka unreachable: keep the last values (readiness reports the outage), retry later.
      await this.close();
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  private async connect(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }
}
