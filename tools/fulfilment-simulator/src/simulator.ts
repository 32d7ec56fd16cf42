import { randomBytes } from 'node:crypto';
import type { Consumer, Producer } from 'kafkajs';
import {
  OrderPlacedEvent,
  OrderReleasedEvent,
  ShipmentDeliveredEvent,
  ShipmentDispatchedEvent,
  Topics,
  type OrderSnapshot,
} from '@metered/contracts';
import {
  createEnvelope,
  createKafka,
  createOrderedProducer,
  eventHeaders,
  type EventDefinition,
  type EventEnvelope,
} from '@metered/event-platform';
import type { SimulatorSettings } from './settings';

export const SIMULATOR = 'fulfilment-simulator';
const SHIPPABLE_EVENTS: readonly string[] = [OrderPlacedEvent.type, OrderReleasedEvent.type];

/**
 * A stand-in for the warehouse in dev and tests: it reads order events in its own consumer
 * group, like any outside system, and answers with shipment events on
 * `fulfilment.shipment.v1` — never touching ordering's database. Production runs without it;
 * the warehouse/ERP integration publishes the same events.
 *
 * Timers live in memory: a shipment pending when the process stops is not sent (fine for
 * a simulator; the order simply stays placed).
 */
export class FulfilmentSimulator {
  private consumer?: Consumer;
  private producer?: Producer;
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = false;

  constructor(
    private readonly settings: Pick<SimulatorSettings, 'kafkaBrokers' | 'delayMs'>,
    private readonly log: (line: string) => void = console.log,
  ) {}

  /** True once its consumer runs (the stack's readiness probe asks). */
  get ready(): boolean {
    return this.running;
  }

  async start(): Promise<void> {
    const kafka = createKafka({ clientId: SIMULATOR, brokers: this.settings.kafkaBrokers });
    this.producer = createOrderedProducer(kafka);
    this.consumer = kafka.consumer({ groupId: SIMULATOR });
    await this.producer.connect();
    await this.consumer.connect();
    // A new group starts at the end: orders placed before the simulator existed stay placed.
    await this.consumer.subscribe({ topics: [Topics.OrderingOrder], fromBeginning: false });
    await this.consumer.run({
      eachMessage: async ({ message }) => this.onOrderEvent(message.value?.toString('utf8')),
    });
    this.running = true;
    this.log(`fulfilment simulator on: ships after ${this.settings.delayMs} ms`);
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
  }

  private onOrderEvent(value: string | undefined): void {
    let envelope: EventEnvelope<OrderSnapshot>;
    try {
      envelope = JSON.parse(value ?? '') as EventEnvelope<OrderSnapshot>;
    } catch {
      return;
    }
    if (!SHIPPABLE_EVENTS.includes(envelope.type) || !envelope.payload?.orderId) return;
    const order = envelope.payload;
    const shipment = {
      orderId: order.orderId,
      orderNumber: order.orderNumber,
      serial: order.serial,
      carrier: 'Simulated Parcel Service',
      trackingNumber: `SIM${randomBytes(5).toString('hex').toUpperCase()}`,
    };
    const cause = { correlationId: envelope.correlationId, causationId: envelope.eventId };
    this.later(async () => {
      await this.publish(
        ShipmentDispatchedEvent,
        { ...shipment, dispatchedAt: new Date().toISOString() },
        cause,
      );
      this.later(() =>
        this.publish(
          ShipmentDeliveredEvent,
          { ...shipment, deliveredAt: new Date().toISOString() },
          cause,
        ),
      );
    });
  }

  private later(work: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work().catch((error: unknown) =>
        this.log(`fulfilment simulator could not publish: ${String(error)}`),
      );
    }, this.settings.delayMs);
    this.timers.add(timer);
  }

  private async publish<P extends object>(
    definition: EventDefinition<P>,
    payload: P,
    cause: { correlationId: string; causationId: string },
  ): Promise<void> {
    const envelope = createEnvelope(definition, payload, { producer: SIMULATOR, ...cause });
    await this.producer!.send({
      topic: definition.topic,
      messages: [
        { key: envelope.key, value: JSON.stringify(envelope), headers: eventHeaders(envelope) },
      ],
    });
  }
}
