import { INestApplication } from '@nestjs/common';
import { readInfrastructureConfig } from '@metered/service-kit/config/infrastructure.config';
import {
  KafkaTransportInfrastructure,
  kafkaTransportOptions,
} from '../kafka/kafka-transport.options';

/**
 * Turns a Nest HTTP app into a hybrid app that consumes Kafka with the service's
 * `@EventPattern` handlers. Order matters: `app.init()` first (indexes, topics — a
 * connected microservice does NOT run init hooks itself), then the consumer subscribes.
 * Call it before `app.listen()` (e.g. in bootstrapService's `configure`).
 */
export async function startEventConsumer(
  app: INestApplication,
  service: string,
  infrastructure: KafkaTransportInfrastructure = readInfrastructureConfig(),
): Promise<void> {
  app.connectMicroservice(kafkaTransportOptions(service, infrastructure), {
    inheritAppConfig: true,
  });
  await app.init();
  await app.startAllMicroservices();
}
