import { Consumer, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { kafkaBrokers, runId } from './probe-event';

/** One message as the test sees it: text key, value and headers. */
export interface SeenMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * A plain kafkajs client for the tests' side of the conversation: reading what the
 * platform published (its own group, from the beginning) and producing raw messages.
 */
export class KafkaTestClient {
  private readonly kafka = new Kafka({
    clientId: 'event-platform-tests',
    brokers: kafkaBrokers(),
    // Quiet: tests assert on what arrives; the reader's reconnect chatter during a Kafka restart is noise.
    logLevel: logLevel.NOTHING,
  });
  private producer?: Producer;
  private readonly consumers: Consumer[] = [];

  /**
   * Collects every message of the topics into the returned array while the test runs. Each
   * message once (by topic, partition and offset), even if the reader had to start again: a
   * reader that crashes without kafkajs restarting it (a non-retriable error, e.g. while a
   * killed broker's coordinator partitions load) is replaced by a new one from the beginning.
   */
  async collect(topics: string[]): Promise<SeenMessage[]> {
    const seen: SeenMessage[] = [];
    const offsets = new Set<string>();
    const start = async (): Promise<void> => {
      const consumer = this.kafka.consumer({ groupId: `test-reader-${runId()}` });
      this.consumers.push(consumer);
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (payload.restart || this.closed) return;
        this.restarts++;
        void consumer
          .disconnect()
          .catch(() => undefined)
          .then(() => (this.closed ? undefined : start()))
          .catch(() => undefined);
      });
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          const id = `${topic}:${partition}:${message.offset}`;
          if (offsets.has(id)) return;
          offsets.add(id);
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(message.headers ?? {})) {
            if (value !== undefined) headers[name] = value.toString();
          }
          seen.push({
            topic,
            partition,
            offset: message.offset,
            key: message.key?.toString() ?? null,
            value: message.value?.toString() ?? null,
            headers,
          });
        },
      });
    };
    await start();
    return seen;
  }

  /** How many readers crashed and were replaced (printed by suites that kill brokers). */
  restarts = 0;
  private closed = false;

  async produce(
    topic: string,
    messages: { key: string; value: Buffer | string; headers?: Record<string, string> }[],
  ) {
    if (!this.producer) {
      this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await this.producer.connect();
    }
    await this.producer.send({ topic, messages });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.consumers.map((consumer) => consumer.disconnect().catch(() => undefined)),
    );
    await this.producer?.disconnect().catch(() => undefined);
  }
}
