import { Consumer, Kafka, logLevel } from 'kafkajs';
import { BenchSettings } from '../settings';

/** When one order's `OrderPlaced` reached Kafka and when a no-op consumer had it. */
export interface ObservedEvent {
  orderId: string;
  placedAtMs: number;
  /** The message's Kafka timestamp (producer CreateTime): when the relay published it. */
  publishedAtMs: number;
  /** When this observer's `eachMessage` ran. */
  receivedAtMs: number;
}

/**
 * A consumer in its own group (as an outside helpdesk system would be) that notes every
 * `OrderPlaced` of the run, for the event latencies: stored → published → consumed.
 */
export class EventObserver {
  readonly events = new Map<string, ObservedEvent>();
  private consumer?: Consumer;

  constructor(private readonly settings: BenchSettings) {}

  async start(): Promise<void> {
    const kafka = new Kafka({
      clientId: 'bench-observer',
      brokers: this.settings.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    this.consumer = kafka.consumer({ groupId: `bench-observer-${process.pid}-${Date.now()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: 'ordering.order.v1', fromBeginning: false });
    const joined = new Promise<void>((resolve) =>
      this.consumer?.on(this.consumer.events.GROUP_JOIN, () => resolve()),
    );
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        const receivedAtMs = Date.now();
        try {
          const envelope = JSON.parse(message.value?.toString('utf8') ?? '{}') as {
            type?: string;
            payload?: { orderId?: string; placedAt?: string };
          };
          if (envelope.type !== 'OrderPlaced' || !envelope.payload?.orderId) return;
          this.events.set(envelope.payload.orderId, {
            orderId: envelope.payload.orderId,
            placedAtMs: Date.parse(envelope.payload.placedAt ?? ''),
            publishedAtMs: Number(message.timestamp),
            receivedAtMs,
          });
        } catch {
          // not ours to judge: the services' dead-letter topics handle malformed messages
        }
      },
    });
    await Promise.race([joined, new Promise((resolve) => setTimeout(resolve, 30000))]);
  }

  /** Waits until every order in `orderIds` was seen (or the time is up); returns how many were. */
  async waitFor(orderIds: readonly string[], timeoutMs = 60000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    const seen = () => orderIds.filter((id) => this.events.has(id)).length;
    while (seen() < orderIds.length && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 250));
    return seen();
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
