/**
 * The dev/test warehouse stand-in: with FULFILMENT_SIMULATOR=on, a placed order becomes
 * shipped and then delivered through fulfilment.shipment.v1 events alone.
 */
import 'reflect-metadata';
import { Topics } from '@metered/contracts';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { Customer, OrderingHarness, simpleOrder } from '../../support/ordering/ordering-harness';
import { isManaged, restartComponent } from '../../support/stack-env';

/** A message's JSON, or {} — other suites put malformed messages on these topics on purpose. */
function safeJson(value: string | null) {
  try {
    return JSON.parse(value ?? '{}') ?? {};
  } catch {
    return {};
  }
}

describe('fulfilment simulator (real stack)', () => {
  const harness = new OrderingHarness();
  const kafka = new KafkaTestClient();
  const previous = { ...process.env };
  let shipments: SeenMessage[];
  let customer: Customer;

  beforeAll(async () => {
    await harness.start();
    if (isManaged('ordering')) {
      process.env.FULFILMENT_SIMULATOR = 'on';
      process.env.FULFILMENT_SIMULATOR_DELAY_MS = '1000';
      await restartComponent('ordering');
    }
    shipments = await kafka.collect([Topics.FulfilmentShipment]);
    customer = await harness.customer(1);
  }, 600000);

  afterAll(async () => {
    await kafka.close();
    if (isManaged('ordering') && previous.FULFILMENT_SIMULATOR !== 'on') {
      process.env.FULFILMENT_SIMULATOR = previous.FULFILMENT_SIMULATOR ?? 'off';
      process.env.FULFILMENT_SIMULATOR_DELAY_MS = previous.FULFILMENT_SIMULATOR_DELAY_MS ?? '5000';
      await restartComponent('ordering');
    }
  }, 120000);

  it('ships and delivers a placed order by events', async () => {
    const placed = await harness.place(customer.token, simpleOrder(customer));
    expect(placed.status).toBe(201);
    const delivered = await harness.waitForStatus(
      customer.token,
      placed.body.orderId,
      'delivered',
      60000,
    );
    expect(delivered.history.map((change) => change.status)).toEqual([
      'placed',
      'shipped',
      'delivered',
    ]);
    expect(delivered.shipment?.carrier).toBe('Simulated Parcel Service');
    const mine = shipments
      .map((message) => safeJson(message.value))
      .filter((envelope) => envelope.payload?.orderId === placed.body.orderId);
    expect(mine.map((envelope) => [envelope.type, envelope.producer])).toEqual([
      ['ShipmentDispatched', 'fulfilment-simulator'],
      ['ShipmentDelivered', 'fulfilment-simulator'],
    ]);
  });
});
