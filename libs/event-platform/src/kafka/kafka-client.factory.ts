import { Logger } from '@nestjs/common';
import { Kafka, KafkaConfig, LogEntry, logLevel, Partitioners, Producer } from 'kafkajs';

export interface KafkaClientOptions {
  /** Kafka clientId: the service name, so broker logs and quotas name the service. */
  clientId: string;
  brokers: string[];
  /** Least severe kafkajs level that reaches the logs; WARN by default (kafkajs is chatty). */
  logLevel?: logLevel;
}

/** kafkajs log lines go through the Nest logger, so they end up in the service's JSON logs. */
export function kafkaLogCreator(context = 'KafkaJS') {
  const logger = new Logger(context);
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, ...extra } = log;
      const line = `${namespace}: ${message} ${JSON.stringify(extra)}`;
      if (isExpectedNoise(message)) logger.debug(line);
      else if (level === logLevel.ERROR) logger.error(line);
      else if (level === logLevel.WARN) logger.warn(line);
      else logger.debug(line);
    };
}

/**
 * Lines kafkajs repeats on every retry while a broker is away (several per second), or
 * that describe a choice we made on purpose. The relay, the consumer and the health check
 * report the outage once, with the same error text; these stay available at debug level.
 */
function isExpectedNoise(message: string): boolean {
  return (
    message.startsWith('Limiting retries for the idempotent producer') ||
    message.startsWith('Connection error') ||
    message.startsWith('Failed to connect to seed broker')
  );
}

/**
 * Short connection timeouts and a bounded retry: when Kafka is down we want an error in
 * seconds (the outbox keeps the events), not a call that hangs for minutes.
 */
export function kafkaClientConfig(options: KafkaClientOptions): KafkaConfig {
  return {
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
    logLevel: options.logLevel ?? logLevel.WARN,
    logCreator: kafkaLogCreator(),
  };
}

export function createKafka(options: KafkaClientOptions): Kafka {
  return new Kafka(kafkaClientConfig(options));
}

/**
 * A producer that keeps order and does not duplicate on its own retries: idempotent,
 * acks from all in-sync replicas, one request in flight. Retries are bounded (kafkajs
 * warns that this weakens exactly-once; we only promise at-least-once, consumers dedupe).
 */
export function createOrderedProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
  });
}
