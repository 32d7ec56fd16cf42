import { Logger } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import {
  backoffDelay,
  buildDeadLetterMessage,
  DeadLetterPublisher,
  DeadLetterReason,
  errorMessage,
  RawKafkaMessage,
  sleep,
  textHeaders,
  valueBytes,
} from '@metered/event-platform';

export interface KafkaBatchConsumerOptions {
  /** Consumer group (also the `dlq-consumer-group` of what it parks). */
  groupId: string;
  topics: readonly string[];
  kafka: Kafka;
  deadLetters: DeadLetterPublisher;
  /** Headers never copied to the dead-letter topic (e.g. credentials). */
  secretHeaders?: readonly string[];
  /**
   * Handles one fetched batch of one partition, in order. Throwing means "try the whole batch
   * again" (the database is away): handlers must be idempotent, which they are by design.
   */
  handle: (messages: RawKafkaMessage[], park: ParkMessage) => Promise<void>;
  partitionsConsumedConcurrently?: number;
}

export type ParkMessage = (
  message: RawKafkaMessage,
  reason: DeadLetterReason,
  error: string,
) => Promise<void>;

const RETRY = { initialMs: 200, maxMs: 10_000 };
const MAX_BYTES_PER_PARTITION = 4 * 1024 * 1024;

/**
 * A kafkajs consumer that hands over whole fetched batches: what lets telemetry load the state
 * of every device of a batch with one query and write it with one bulk write, instead of a
 * command per message (the event platform's `@EventPattern` consumer handles one at a time).
 * Offsets are committed after a batch is handled; bad messages are parked on the service's
 * dead-letter topic; infrastructure failures retry the batch with backoff.
 */
export class KafkaBatchConsumer {
  private readonly logger: Logger;
  private consumer?: Consumer;
  private running = false;
  private loop?: Promise<void>;

  constructor(private readonly options: KafkaBatchConsumerOptions) {
    this.logger = new Logger(`KafkaBatchConsumer(${options.groupId})`);
  }

  /** Starts in the background: Kafka being away must not stop the service from starting. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.consumer?.disconnect().catch(() => undefined);
    await this.loop;
  }

  private async run(): Promise<void> {
    for (let attempt = 1; this.running; attempt++) {
      try {
        const consumer = this.options.kafka.consumer({
          groupId: this.options.groupId,
          allowAutoTopicCreation: false,
          sessionTimeout: 30_000,
          heartbeatInterval: 3_000,
          maxBytesPerPartition: MAX_BYTES_PER_PARTITION,
        });
        this.consumer = consumer;
        await consumer.connect();
        await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
        await consumer.run({
          autoCommit: true,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
          eachBatch: (payload) => this.onBatch(payload),
        });
        if (attempt > 1) this.logger.log(`consuming after ${attempt} attempts`);
        return;
      } catch (error) {
        await this.consumer?.disconnect().catch(() => undefined);
        const wait = backoffDelay(attempt, { initialMs: 1000, maxMs: 15_000 });
        this.logger.warn(`could not start (${errorMessage(error)}); retrying in ${wait} ms`);
        await sleep(wait);
      }
    }
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } =
      payload;
    if (batch.messages.length === 0) return;
    const messages: RawKafkaMessage[] = batch.messages.map((message) => ({
      topic: batch.topic,
      partition: batch.partition,
      offset: message.offset,
      key: message.key ? message.key.toString('utf8') : null,
      value: valueBytes(message.value),
      headers: textHeaders(message.headers),
    }));
    for (let attempt = 1; ; attempt++) {
      if (!isRunning() || isStale()) return;
      try {
        await this.options.handle(messages, (message, reason, error) =>
          this.park(message, reason, error),
        );
        break;
      } catch (error) {
        const wait = backoffDelay(attempt, RETRY);
        this.logger.warn(
          `${batch.topic}[${batch.partition}] batch of ${messages.length} failed (${errorMessage(error)}); retrying in ${wait} ms`,
        );
        await sleep(wait);
        await heartbeat().catch(() => undefined);
      }
    }
    resolveOffset(batch.lastOffset());
    await commitOffsetsIfNecessary();
  }

  private async park(
    message: RawKafkaMessage,
    reason: DeadLetterReason,
    error: string,
  ): Promise<void> {
    const secret = new Set((this.options.secretHeaders ?? []).map((name) => name.toLowerCase()));
    const headers = Object.fromEntries(
      Object.entries(message.headers).filter(([name]) => !secret.has(name.toLowerCase())),
    );
    const parked = buildDeadLetterMessage(
      { ...message, headers },
      { reason, error, attempts: 0, consumerGroup: this.options.groupId, failedAt: new Date() },
      512 * 1024,
    );
    await this.options.deadLetters.publish(parked);
    this.logger.warn(
      `dead-lettered ${message.topic}[${message.partition}]@${message.offset} to ${this.options.deadLetters.topic}: ${reason}: ${error}`,
    );
  }
}
