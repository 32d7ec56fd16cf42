/**
 * The probe consumer as its own process (run with tsx), so a test proves delivery from one
 * process to another. Reads PROBE_SERVICE and PROBE_TOPIC plus the usual KAFKA_BROKERS /
 * MONGO_URL / MONGO_DB_PREFIX; prints PROBE_CONSUMER_READY once subscribed.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { startEventConsumer } from '@metered/event-platform';
import { probeConsumerModule } from './probe-consumer.app';
import { kafkaBrokers } from './probe-event';

export const READY_LINE = 'PROBE_CONSUMER_READY';

async function main(): Promise<void> {
  const service = process.env.PROBE_SERVICE;
  const topic = process.env.PROBE_TOPIC;
  if (!service || !topic) throw new Error('PROBE_SERVICE and PROBE_TOPIC must be set');
  const app = await NestFactory.create(probeConsumerModule({ service, topic }), {
    logger: ['error', 'warn'],
  });
  app.enableShutdownHooks();
  await startEventConsumer(app, service, { kafkaBrokers: kafkaBrokers() });
  console.log(READY_LINE);
}

main().catch((error: unknown) => {
  console.error('probe consumer failed to start:', error);
  process.exit(1);
});
