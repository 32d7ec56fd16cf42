import { INestApplication, Logger } from '@nestjs/common';
import { readInfrastructureConfig } from '@metered/service-kit/config';
import { backoffDelay, errorMessage, sleep } from '../common/backoff';
import {
  KafkaTransportInfrastructure,
  kafkaTransportOptions,
} from '../kafka/kafka-transport.options';

const RETRY = { initialMs: 1000, maxMs: 15000 };

/**
 * Turns a Nest HTTP app into a hybrid app that consumes Kafka with the service's
 * `@EventPattern` handlers. `app.init()` runs first (indexes, topics — a connected
 * microservice does NOT run init hooks itself); the consumer then subscribes in the
 * background. HTTP must not wait for it: joining the consumer group can take a while after
 * a broker restart ("the coordinator is loading", a dead member's session to expire), and a
 * service that does not answer health checks meanwhile looks dead instead of not ready.
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
  void subscribeUntilRunning(app, new Logger('EventConsumer'));
}

/**
 * Starts the Kafka consumer and tries again with backoff when it cannot connect (once
 * running, kafkajs restarts a crashed consumer itself). Not `close()` between attempts: a
 * Nest microservice's close also closes the application context the HTTP side shares.
 */
async function subscribeUntilRunning(app: INestApplication, logger: Logger): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await app.startAllMicroservices();
      if (attempt > 1) logger.log(`consuming from Kafka after ${attempt} attempts`);
      return;
    } catch (error) {
      const wait = backoffDelay(attempt, RETRY);
      logger.warn(`Kafka consumer did not start (${errorMessage(error)}); retrying in ${wait} ms`);
      await sleep(wait);
    }
  }
}
