/**
 * The allowance is cumulative and race-free, against the real stack: what a serial already
 * has on the way (or received within the allowance window) counts, for orders sent one after
 * the other and for many sent at once over HTTP.
 */
import 'reflect-metadata';
import { ShipmentDeliveredEvent, ShipmentDispatchedEvent, Topics } from '@metered/contracts';
import { createEnvelope, eventHeaders, EventDefinition } from '@metered/event-platform';
import { KafkaTestClient } from '../../support/event-platform/kafka-test-client';
import { uniqueTag } from '../../support/registration/master-data.fixture';
import {
  Customer,
  OrderBody,
  OrderingHarness,
  OrderView,
  simpleOrder,
} from '../../support/ordering/ordering-harness';

/** The default allowance (ORDER_ALLOWANCE_CARTONS = 2) of the serial's first item. */
function allowanceOf(customer: Customer, serialIndex: number): number {
  return 2 * customer.catalog[serialIndex].items[0].bottlesPerCarton;
}

/** Nothing onsite: only what is already ordered decides. */
function orderOf(customer: Customer, serialIndex: number, quantity: number): OrderBody {
  return simpleOrder(customer, serialIndex, quantity, 0);
}

const DAY_MS = 86_400_000;

describe('the cumulative, race-free allowance (real stack)', () => {
  const harness = new OrderingHarness();
  const kafka = new KafkaTestClient();
  let carol: Customer;

  beforeAll(async () => {
    await harness.start();
    carol = await harness.customer(3);
  }, 600000);

  afterAll(() => kafka.close());

  async function place(body: OrderBody): Promise<OrderView> {
    const answer = await harness.place(carol.token, body);
    expect(answer.status).toBe(201);
    return answer.body;
  }

  async function publishShipment<P extends object>(definition: EventDefinition<P>, payload: P) {
    const envelope = createEnvelope(definition, payload, { producer: 'e2e-warehouse' });
    await kafka.produce(Topics.FulfilmentShipment, [
      { key: envelope.key, value: JSON.stringify(envelope), headers: eventHeaders(envelope) },
    ]);
  }

  /** The warehouse ships and delivers the order at `deliveredAt` (before the simulator does). */
  async function deliver(order: OrderView, deliveredAt: Date): Promise<void> {
    const shipment = {
      orderId: order.orderId,
      orderNumber: order.orderNumber,
      serial: order.serial,
      carrier: 'UPS',
      trackingNumber: `1Z${uniqueTag(10)}`,
    };
    await publishShipment(ShipmentDispatchedEvent, {
      ...shipment,
      dispatchedAt: new Date(deliveredAt.getTime() - DAY_MS).toISOString(),
    });
    await harness.waitForStatus(carol.token, order.orderId, 'shipped');
    await publishShipment(ShipmentDeliveredEvent, {
      ...shipment,
      deliveredAt: deliveredAt.toISOString(),
    });
    const delivered = await harness.waitForStatus(carol.token, order.orderId, 'delivered');
    expect(delivered.shipment).toMatchObject({ deliveredAt: deliveredAt.toISOString() });
  }

  it('places at most the allowance of 20 parallel orders for one serial and item; the rest are held with the explanation', async () => {
    const allowance = allowanceOf(carol, 0);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => harness.place(carol.token, orderOf(carol, 0, allowance))),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    const placed = answers.filter((answer) => answer.body.status === 'placed');
    const held = answers.filter((answer) => answer.body.status === 'held');
    expect(placed).toHaveLength(1);
    expect(held).toHaveLength(19);
    for (const answer of held) {
      expect(answer.body.heldRows).toEqual([
        {
          reorderNumber: carol.catalog[0].items[0].reorderNumber,
          onsiteBottles: 0,
          alreadyOrderedBottles: allowance,
          orderedBottles: allowance,
          allowanceBottles: allowance,
        },
      ]);
      expect(answer.body.holdReason).toContain(`${allowance} already ordered`);
    }
    // What the serial's order history says afterwards, too.
    const listed = await harness.orders(
      carol.token,
      `?serial=${carol.catalog[0].serial}&limit=100`,
    );
    expect(listed.items.filter((order) => order.status === 'placed')).toHaveLength(1);
  });

  it('counts orders sent one after the other, and gives back what is cancelled', async () => {
    const allowance = allowanceOf(carol, 1);
    const half = allowance / 2;
    const first = await place(orderOf(carol, 1, half));
    const second = await place(orderOf(carol, 1, half));
    expect([first.status, second.status]).toEqual(['placed', 'placed']);
    const third = await place(orderOf(carol, 1, 1));
    expect(third.status).toBe('held');
    expect(third.heldRows).toMatchObject([{ alreadyOrderedBottles: allowance, orderedBottles: 1 }]);
    expect(third.holdReason).toContain(`${allowance} already ordered`);

    await harness.gateway.expect(200, `/api/orders/${first.orderId}/cancel`, {
      token: carol.token,
      body: { reason: 'ordered twice' },
    });
    const again = await place(orderOf(carol, 1, half));
    expect(again.status).toBe('placed');
  });

  it('counts a delivered order within the allowance window, and not once it is over', async () => {
    const allowance = allowanceOf(carol, 2);
    const longAgo = await place(orderOf(carol, 2, allowance));
    expect(longAgo.status).toBe('placed');
    await deliver(longAgo, new Date(Date.now() - 40 * DAY_MS)); // window: 30 days
    const afterWindow = await place(orderOf(carol, 2, allowance));
    expect(afterWindow.status).toBe('placed');

    await deliver(afterWindow, new Date());
    const withinWindow = await place(orderOf(carol, 2, 1));
    expect(withinWindow.status).toBe('held');
    expect(withinWindow.heldRows).toMatchObject([{ alreadyOrderedBottles: allowance }]);
  });
});
