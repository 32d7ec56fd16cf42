import { randomBytes } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
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
import { INFRASTRUCTURE_CONFIG, type InfrastructureConfig } from '@metered/service-kit';
import { ORDERING_CONFIG, type OrderingConfig } from '../config/ordering.config';

export const SIMULATOR = 'fulfilment-simulator';
const SHIPPABLE_EVENTS: readonly string[] = [OrderPlacedEvent.type, OrderReleasedEvent.type];

/**
 * A stand-in for the warehouse in dev and tests (FULFILMENT_SIMULATOR=on): it reads order
 * events in its own consumer group, like any outside system, and answers with shipment
 * events on `fulfilment.shipment.v1` — never touching ordering's database. Production runs
 * without it; the warehouse/ERP integration publishes the same events.
 *
 * Timers live in memory: a shipment pending when the process stops is not sent (fine for
 * a simulator; the order simply stays placed).
 */
@Injectable()
export class FulfilmentSimulator implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FulfilmentSimulator.name);
  private consumer?: Consumer;
  private producer?: Producer;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    @Inject(ORDERING_CONFIG) private readonly config: OrderingConfig,
    @Inject(INFRASTRUCTURE_CONFIG) private readonly infrastructure: InfrastructureConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.simulator.enabled) return;
    // In the background: a broker that is not there yet must not stop ordering from starting.
    void this.start().catch((error: unknown) =>
      this.logger.error(`fulfilment simulator did not start: ${String(error)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
  }

  private async start(): Promise<void> {
    const kafka = createKafka({ clientId: SIMULATOR, brokers: this.infrastructure.kafkaBrokers });
    this.producer = createOrderedProducer(kafka);
    this.consumer = kafka.consumer({ groupId: SIMULATOR });
    await this.producer.connect();
    await this.consumer.connect();
    // A new group starts at the end: orders placed before the simulator existed stay placed.
    await this.consumer.subscribe({ topics: [Topics.OrderingOrder], fromBeginning: false });
    await this.consumer.run({
      eachMessage: async ({ message }) => this.onOrderEvent(message.value?.toString('utf8')),
    });
    this.logger.log(`fulfilment simulator on: ships after ${this.config.simulator.delayMs} ms`);
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
        this.logger.warn(`fulfilment simulator could not publish: ${String(error)}`),
      );
    }, this.config.simulator.delayMs);
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
