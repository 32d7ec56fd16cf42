import { KafkaOptions, Transport } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { kafkaClientConfig } from './kafka-client.factory';

/** Partitions of a service's subscriptions whose messages are handled at the same time. */
export const PARTITIONS_CONSUMED_CONCURRENTLY = 4;

export interface KafkaTransportInfrastructure {
  kafkaBrokers: string[];
}

/**
 * Options for `app.connectMicroservice(...)`: a Nest ServerKafka whose consumer group is the
 * service name itself. Nest would append `-server` to clientId and groupId; `postfixId: ''`
 * turns that off so the group id is exactly `<service>`, the same name the inbox and the
 * dead-letter topic use.
 */
export function kafkaTransportOptions(
  service: string,
  infrastructure: KafkaTransportInfrastructure,
  overrides: { groupId?: string; partitionsConsumedConcurrently?: number } = {},
): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: kafkaClientConfig({ clientId: service, brokers: infrastructure.kafkaBrokers }),
      consumer: {
        groupId: overrides.groupId ?? service,
        allowAutoTopicCreation: false,
        // One slow handler with retries must not get the member kicked out of the group.
        sessionTimeout: 30000,
        heartbeatInterval: 3000,
      },
      // A new group starts at the oldest message: nothing published before the service's
      // first start is skipped.
      subscribe: { fromBeginning: true },
      // Partitions are handled side by side, each one's messages still in order (kafkajs
      // never runs two of a partition at once): a slow handler on one key no longer holds
      // up every other key. Handlers of different partitions that touch the same document
      // are serialized by its lock (DocumentLocks), and the inbox keeps each event's effect single.
      run: {
        autoCommit: true,
        partitionsConsumedConcurrently:
          overrides.partitionsConsumedConcurrently ?? PARTITIONS_CONSUMED_CONCURRENTLY,
      },
      // Raw bytes reach EventConsumer.consume(), which does its own parsing and can
      // dead-letter the exact original value.
      parser: { keepBinary: true },
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
    },
  };
}
