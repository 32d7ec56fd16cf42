import type { Provider } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import {
  createKafka,
  createOrderedProducer,
  DeadLetterPublisher,
  deadLetterTopic,
  LazyProducer,
} from '@metered/event-platform';
import { readInfrastructureConfig } from '@metered/service-kit';

/** telemetry's own Kafka client, for its batch consumers (ingest topic, derivation). */
export const TELEMETRY_KAFKA = Symbol('TELEMETRY_KAFKA');

export const TELEMETRY_KAFKA_PROVIDERS: Provider[] = [
  {
    provide: TELEMETRY_KAFKA,
    useFactory: () =>
      createKafka({ clientId: 'telemetry', brokers: readInfrastructureConfig().kafkaBrokers }),
  },
  {
    // The batch consumers park on telemetry.dead-letter.v1, like the event platform's consumer.
    provide: DeadLetterPublisher,
    useFactory: (kafka: Kafka) =>
      new DeadLetterPublisher(
        new LazyProducer(() => createOrderedProducer(kafka)),
        deadLetterTopic('telemetry'),
      ),
    inject: [TELEMETRY_KAFKA],
  },
];
