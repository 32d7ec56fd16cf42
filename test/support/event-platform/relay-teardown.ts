import type { Connection } from 'mongoose';
import type { OutboxRelay } from '@metered/event-platform';
import type { KafkaTestClient } from './kafka-test-client';

/** The end of a relay suite: stop its relays and Kafka reader, drop its database. */
export async function tearDownRelaySuite(
  relays: readonly OutboxRelay[],
  kafka: KafkaTestClient,
  connection: Connection | undefined,
): Promise<void> {
  await Promise.all(relays.map((relay) => relay.stop()));
  await kafka.close();
  await connection?.dropDatabase().catch(() => undefined);
  await connection?.close();
}
