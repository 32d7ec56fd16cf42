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

  /** Collects every message of the topics into the returned array while the test runs. */
  async collect(topics: string[]): Promise<SeenMessage[]> {
    const seen: SeenMessage[] = [];
    const consumer = this.kafka.consumer({ groupId: `test-reader-${runId()}` });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
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
    return seen;
  }

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
    await Promise.all(
      this.consumers.map((consumer) => consumer.disconnect().catch(() => undefined)),
    );
    await this.producer?.disconnect().catch(() => undefined);
  }
}
