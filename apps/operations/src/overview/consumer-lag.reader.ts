import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Admin } from 'kafkajs';
import { createKafka } from '@metered/event-platform';
import { readInfrastructureConfig } from '@metered/service-kit';
import { OPERATIONS_CONFIG, OperationsConfig } from '../config/operations.config';

export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  /** The group's committed offset; null when it never committed on this partition. */
  committed: string | null;
  end: string;
  lag: number;
}

const CACHE_MS = 4_000;

/**
 * Consumer lag of every service's group, asked of Kafka (committed offsets against each
 * partition's end), cached for a few seconds so a wall of dashboards does not hammer Kafka.
 */
@Injectable()
export class ConsumerLagReader implements OnModuleDestroy {
  private readonly kafka = createKafka({
    clientId: 'operations-lag',
    brokers: readInfrastructureConfig().kafkaBrokers,
  });
  private admin?: Promise<Admin>;
  private cached?: { at: number; rows: Promise<PartitionLag[]> };

  constructor(@Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig) {}

  lag(now = Date.now()): Promise<PartitionLag[]> {
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.rows;
    const rows = this.read().catch(async (error) => {
      await this.reset();
      this.cached = undefined;
      throw error;
    });
    this.cached = { at: now, rows };
    return rows;
  }

  async onModuleDestroy(): Promise<void> {
    await this.reset();
  }

  private async read(): Promise<PartitionLag[]> {
    const admin = await this.connect();
    const rows: PartitionLag[] = [];
    const ends = new Map<string, { partition: number; high: string; low: string }[]>();
    for (const group of this.config.consumerGroups) {
      const committed = await admin.fetchOffsets({ groupId: group });
      for (const { topic, partitions } of committed) {
        if (!ends.has(topic)) ends.set(topic, await admin.fetchTopicOffsets(topic));
        for (const end of ends.get(topic) ?? []) {
          const own = partitions.find((p) => p.partition === end.partition);
          const offset = own && Number(own.offset) >= 0 ? own.offset : null;
          const start = offset === null ? Number(end.low) : Number(offset);
          rows.push({
            group,
            topic,
            partition: end.partition,
            committed: offset,
            end: end.high,
            lag: Math.max(0, Number(end.high) - start),
          });
        }
      }
    }
    return rows.sort(
      (a, b) =>
        a.group.localeCompare(b.group) ||
        a.topic.localeCompare(b.topic) ||
        a.partition - b.partition,
    );
  }

  private connect(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }

  private async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((a) => a.disconnect()).catch(() => undefined);
  }
}
