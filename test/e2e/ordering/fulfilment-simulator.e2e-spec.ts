/**
 * The dev/test warehouse stand-in (tools/fulfilment-simulator, its own process in the stack):
 * a placed order becomes shipped and then delivered through fulfilment.shipment.v1 events alone.
 */
import 'reflect-metadata';
import { Topics } from '@metered/contracts';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { Customer, OrderingHarness, simpleOrder } from '../../support/ordering/ordering-harness';
import {
  isManaged,
  restartComponent,
  stackStatus,
  startComponent,
  stopComponent,
} from '../../support/stack-env';

const SIMULATOR = 'fulfilment-simulator';

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
  const previousDelay = process.env.FULFILMENT_SIMULATOR_DELAY_MS;
  let wasRunning = false;
  let shipments: SeenMessage[];
  let customer: Customer;

  beforeAll(async () => {
    await harness.start();
    if (isManaged(SIMULATOR)) {
      wasRunning = (await stackStatus()).some(
        (row) => row.component === SIMULATOR && row.state !== 'stopped',
      );
      // Started (or restarted) with a short delay: a new setting means a restart.
      process.env.FULFILMENT_SIMULATOR_DELAY_MS = '1000';
      await startComponent(SIMULATOR);
    }
    shipments = await kafka.collect([Topics.FulfilmentShipment]);
    customer = await harness.customer(1);
  }, 600000);

  afterAll(async () => {
    await kafka.close();
    if (!isManaged(SIMULATOR)) return;
    // Leave the stack as found: a developer's simulator back with its own delay, else stopped.
    if (previousDelay === undefined) delete process.env.FULFILMENT_SIMULATOR_DELAY_MS;
    else process.env.FULFILMENT_SIMULATOR_DELAY_MS = previousDelay;
    if (wasRunning) await restartComponent(SIMULATOR);
    else await stopComponent(SIMULATOR);
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
