import { randomBytes } from 'node:crypto';
import { PlatformProbeRecordedEvent, PlatformProbeRecordedPayload } from '@metered/contracts';
import { defineEvent, EventCatalog, EventDefinition } from '@metered/event-platform';

/** A short lower-case id that makes topic, group and database names unique per test run. */
export function runId(): string {
  return randomBytes(4).toString('hex');
}

/** Each test file gets its own topic, so a new consumer group never reads another run's messages. */
export function probeTopic(run: string): string {
  return `platform.selftest-${run}.v1`;
}

/** The contracts' PlatformProbeRecorded v1, published on a run-specific topic. */
export function probeEventOn(topic: string): EventDefinition<PlatformProbeRecordedPayload> {
  return defineEvent({ ...PlatformProbeRecordedEvent, topic });
}

export function probeCatalog(topic: string): EventCatalog {
  return new EventCatalog([probeEventOn(topic)]);
}

/** `mongodb://…/<prefix>_<service>`: the database a test service owns. */
export function databaseUri(service: string, env: NodeJS.ProcessEnv = process.env): string {
  const prefix = env.MONGO_DB_PREFIX ?? 'metered_test';
  if (!prefix.includes('test')) throw new Error(`refusing a non-test database prefix "${prefix}"`);
  const url = new URL(env.MONGO_URL ?? 'mongodb://127.0.0.1:27017');
  url.pathname = `/${prefix}_${service}`;
  return url.toString();
}

export function kafkaBrokers(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((broker) => broker.trim());
}

export function testInfrastructure(partitions = 3) {
  return { kafkaBrokers: kafkaBrokers(), topicPartitions: partitions, topicReplicationFactor: 1 };
}
