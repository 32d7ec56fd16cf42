import { Logger } from '@nestjs/common';
import { Kafka } from 'kafkajs';

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
}

/**
 * Topic-level configuration for a replication factor: with 3 or more copies a write
 * (producers use acks=all) needs 2 in-sync ones, so a broker may die without losing an
 * acknowledged event and a second loss stops writes instead of risking one. Fewer copies
 * keep the broker default (1), or no write could succeed with a broker down.
 */
export function topicConfigFor(replicationFactor: number): { name: string; value: string }[] {
  return replicationFactor >= 3 ? [{ name: 'min.insync.replicas', value: '2' }] : [];
}

/**
 * Creates missing topics with the platform's partition count, so no topic is ever
 * auto-created with broker defaults. Idempotent and cheap to repeat: topics known to exist
 * are remembered.
 */
export class TopicAdmin {
  private readonly logger = new Logger(TopicAdmin.name);
  private readonly known = new Set<string>();

  constructor(private readonly kafka: Kafka) {}

  async ensureTopics(topics: readonly string[], settings: TopicSettings): Promise<string[]> {
    const wanted = [...new Set(topics)].filter((topic) => !this.known.has(topic));
    if (wanted.length === 0) return [];
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((topic) => !existing.has(topic));
      if (missing.length > 0) {
        // createTopics answers false (not an error) when another replica created them first.
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: settings.partitions,
            replicationFactor: settings.replicationFactor,
            configEntries: topicConfigFor(settings.replicationFactor),
          })),
        });
        this.logger.log(`created topics: ${missing.join(', ')}`);
      }
      wanted.forEach((topic) => this.known.add(topic));
      return missing;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /** Forgets what exists, e.g. after a broker was wiped in a test. */
  forget(): void {
    this.known.clear();
  }
}
