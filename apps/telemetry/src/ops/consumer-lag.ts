import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { Topics } from '@metered/contracts';
import { TELEMETRY_KAFKA } from '../common/telemetry-kafka';
import { DERIVATION_GROUP } from '../derivation/derivation.consumer';
import { INGEST_GROUP } from '../ingest/kafka/ingest-topic.consumer';

/** Messages not yet handled by telemetry's batch consumers (ingest topic and compact stream). */
@Injectable()
export class ConsumerLag {
  constructor(@Inject(TELEMETRY_KAFKA) private readonly kafka: Kafka) {}

  async total(): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      let lag = 0;
      for (const [group, topic] of [
        [INGEST_GROUP, Topics.TelemetryIngest],
        [DERIVATION_GROUP, Topics.TelemetryDevice],
      ] as const) {
        const ends = await admin.fetchTopicOffsets(topic);
        const committed = await admin.fetchOffsets({ groupId: group, topics: [topic] });
        const done = committed[0]?.partitions ?? [];
        for (const { partition, high, low } of ends) {
          const offset = done.find((entry) => entry.partition === partition)?.offset ?? '-1';
          const from = offset === '-1' ? BigInt(low) : BigInt(offset);
          lag += Number(BigInt(high) > from ? BigInt(high) - from : 0n);
        }
      }
      return lag;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
