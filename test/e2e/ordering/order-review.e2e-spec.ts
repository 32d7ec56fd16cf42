/**
 * What happens after an order is placed, against the real stack: the sense check holds it,
 * the helpdesk releases or cancels it, the warehouse ships it; Idempotency-Key; expired
 * contracts; and what one customer can never see or do with another's data.
 */
import 'reflect-metadata';
import { ShipmentDeliveredEvent, ShipmentDispatchedEvent, Topics } from '@metered/contracts';
import { createEnvelope, eventHeaders, EventDefinition } from '@metered/event-platform';
import { LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';
import { uniqueTag } from '../../support/registration/master-data.fixture';
import {
  Customer,
  isoDay,
  OrderingHarness,
  simpleOrder,
} from '../../support/ordering/ordering-harness';

/** A message's JSON, or {} — other suites put malformed messages on these topics on purpose. */
function safeJson(value: string | null) {
  try {
    return JSON.parse(value ?? '{}') ?? {};
  } catch {
    return {};
  }
}

describe('held orders, helpdesk, fulfilment, idempotency and account boundaries (real stack)', () => {
  const harness = new OrderingHarness();
  const kafka = new KafkaTestClient();
  let seen: SeenMessage[];
  let alice: Customer;
  let bob: Customer;
  let agent: LoginAnswer;

  beforeAll(async () => {
    await harness.start();
    seen = await kafka.collect([Topics.OrderingOrder]);
    [alice, bob] = await Promise.all([harness.customer(2), harness.customer(1)]);
    agent = await harness.helpdeskAgent();
  }, 600000);

  afterAll(() => kafka.close());

  function eventTypes(orderId: string): string[] {
    return seen
      .map((message) => safeJson(message.value))
      .filter((envelope) => envelope.payload?.orderId === orderId)
      .map((envelope) => envelope.type);
  }

  async function publishShipment<P extends object>(definition: EventDefinition<P>, payload: P) {
    const envelope = createEnvelope(definition, payload, { producer: 'e2e-warehouse' });
    await kafka.produce(Topics.FulfilmentShipment, [
      { key: envelope.key, value: JSON.stringify(envelope), headers: eventHeaders(envelope) },
    ]);
  }

  it('holds an order whose onsite stock plus quantity exceeds the allowance; the helpdesk releases it', async () => {
    const body = simpleOrder(alice);
    body.rows[0] = { ...body.rows[0], fullCartonsOnsite: 1, bottlesOnsite: 3, quantity: 4 }; // 7 + 4 > 8
    const held = await harness.place(alice.token, body);
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({
      status: 'held',
      heldRows: [
        {
          reorderNumber: alice.devices.reorderNumber,
          onsiteBottles: 7,
          orderedBottles: 4,
          allowanceBottles: 8,
        },
      ],
    });
    expect(held.body.holdReason).toMatch(/allowance/);
    const orderId = held.body.orderId;

    const byCustomer = await harness.gateway.call(`/api/orders/${orderId}/release`, {
      token: alice.token,
      body: {},
    });
    expect(byCustomer.status).toBe(403);
    const released = await harness.gateway.expect<{
      status: string;
      history: { status: string }[];
    }>(200, `/api/orders/${orderId}/release`, {
      token: agent.accessToken,
      body: { note: 'usage confirmed by phone' },
    });
    expect(released.status).toBe('released');
    expect(released.history.map((change) => change.status)).toEqual(['held', 'released']);
    const again = await harness.gateway.call(`/api/orders/${orderId}/release`, {
      token: agent.accessToken,
      body: {},
    });
    expect(again.status).toBe(409);
    await waitFor(
      'OrderHeld and OrderReleased on Kafka',
      () => {
        const types = eventTypes(orderId);
        return types.includes('OrderHeld') && types.includes('OrderReleased') && types;
      },
      30000,
    );
    expect(eventTypes(orderId).slice(0, 2)).toEqual(['OrderHeld', 'OrderReleased']);
  });

  it('lets the customer cancel a held order, and not twice', async () => {
    const body = simpleOrder(alice, 1, 16); // 1 onsite + 16 > 8: held
    const held = await harness.place(alice.token, body);
    expect(held.body.status).toBe('held');
    const cancelled = await harness.gateway.call<{ status: string }>(
      `/api/orders/${held.body.orderId}/cancel`,
      {
        token: alice.token,
        body: { reason: 'ordered too much' },
      },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const twice = await harness.gateway.call(`/api/orders/${held.body.orderId}/cancel`, {
      token: alice.token,
      body: { reason: 'again' },
    });
    expect(twice.status).toBe(409);
  });

  it('lets the helpdesk order for a customer, expedited (channel helpdesk)', async () => {
    const answer = await harness.place(agent.accessToken, {
      ...simpleOrder(alice),
      accountId: alice.accountId,
      shippingMethod: 'expedited',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      channel: 'helpdesk',
      shippingMethod: 'expedited',
      accountId: alice.accountId,
    });
  });

  it('turns shipment events into shipped then delivered', async () => {
    // Serial 1: serial 0's allowance is used by the orders above (the released one counts).
    const placed = await harness.place(alice.token, simpleOrder(alice, 1));
    expect(placed.body.status).toBe('placed');
    const { orderId, orderNumber, serial } = placed.body;
    const shipment = {
      orderId,
      orderNumber,
      serial,
      carrier: 'UPS',
      trackingNumber: `1Z${uniqueTag(10)}`,
    };
    await publishShipment(ShipmentDispatchedEvent, {
      ...shipment,
      dispatchedAt: new Date().toISOString(),
    });
    // With the fulfilment simulator on, it may ship first; either way the order ends shipped.
    const shipped = await harness.waitForStatus(alice.token, orderId, 'shipped');
    expect(shipped.shipment).toMatchObject({
      carrier: expect.any(String),
      trackingNumber: expect.any(String),
    });
    await publishShipment(ShipmentDeliveredEvent, {
      ...shipment,
      deliveredAt: new Date().toISOString(),
    });
    const delivered = await harness.waitForStatus(alice.token, orderId, 'delivered');
    expect(delivered.history.map((change) => change.status)).toEqual([
      'placed',
      'shipped',
      'delivered',
    ]);
    const tooLate = await harness.gateway.call(`/api/orders/${orderId}/cancel`, {
      token: agent.accessToken,
      body: { reason: 'late' },
    });
    expect(tooLate.status).toBe(409);
  });

  describe('Idempotency-Key', () => {
    it('answers the same key and body with the same order, and refuses another body', async () => {
      const key = `e2e-${uniqueTag(12)}`;
      const first = await harness.place(alice.token, simpleOrder(alice), key);
      expect(first.status).toBe(201);
      const repeat = await harness.place(alice.token, simpleOrder(alice), key);
      expect(repeat.status).toBe(200);
      expect(repeat.body.orderId).toBe(first.body.orderId);
      const other = await harness.place(alice.token, simpleOrder(alice, 0, 3), key);
      expect(other.status).toBe(422);
      expect(other.body.errors?.[0].field).toBe('Idempotency-Key');
    });

    it('makes one order of five concurrent requests with one key', async () => {
      const key = `e2e-${uniqueTag(12)}`;
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => harness.place(alice.token, simpleOrder(alice, 1, 3), key)),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(new Set(answers.map((answer) => answer.body.orderId)).size).toBe(1);
      const orderId = answers[0].body.orderId;
      const listed = await harness.orders(
        alice.token,
        `?serial=${alice.catalog[1].serial}&limit=100`,
      );
      expect(listed.items.filter((order) => order.orderId === orderId)).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // (OrderShipped may follow when the fulfilment simulator is on.)
      expect(eventTypes(orderId).filter((type) => type === 'OrderPlaced')).toHaveLength(1);
    });
  });

  describe('account boundaries', () => {
    it('shows each customer only their own serials', async () => {
      const bobs = await harness.catalog(bob.token);
      expect(bobs.body.items.map((serial) => serial.serial)).toEqual([bob.devices.eligible[0]]);
      const peek = await harness.catalog(bob.token, `?accountId=${alice.accountId}`);
      expect(peek.body.items.map((serial) => serial.serial)).toEqual([bob.devices.eligible[0]]);
    });

    it('answers 404 for another account`s serial and order, as for unknown ones', async () => {
      const order = await harness.place(alice.token, simpleOrder(alice));
      expect(order.status).toBe(201);
      const theirSerial = await harness.place(bob.token, simpleOrder(alice));
      expect(theirSerial.status).toBe(404);
      const unknown = await harness.place(bob.token, {
        ...simpleOrder(alice),
        serial: bob.devices.unknown,
      });
      expect(theirSerial.body.message.replace(alice.catalog[0].serial, 'X')).toBe(
        unknown.body.message.replace(bob.devices.unknown, 'X'),
      );
      for (const ref of [order.body.orderId, order.body.orderNumber]) {
        expect((await harness.order(bob.token, ref)).status).toBe(404);
        const cancel = await harness.gateway.call(`/api/orders/${ref}/cancel`, {
          token: bob.token,
          body: { reason: 'x' },
        });
        expect(cancel.status).toBe(404);
      }
      const bobsOrders = await harness.orders(bob.token, `?accountId=${alice.accountId}&limit=100`);
      expect(bobsOrders.items.every((item) => item.accountId === bob.accountId)).toBe(true);
      const agentView = await harness.order(agent.accessToken, order.body.orderNumber);
      expect(agentView.status).toBe(200);
    });
  });

  it('refuses orders once the contract has ended, with the store-or-partner advice', async () => {
    const serial = bob.catalog[0].serial;
    await harness.importContract(serial, {
      contractId: `C-END-${uniqueTag(6)}`,
      status: 'active',
      startsOn: isoDay(-20),
      endsOn: isoDay(-1),
    });
    await harness.waitForCatalog(bob.token, (items) =>
      items.some((item) => item.serial === serial && !item.covered),
    );
    const answer = await harness.place(bob.token, simpleOrder(bob));
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('contract-not-current');
    expect(answer.body.message).toMatch(/online store or an authorised partner/);
    expect((await harness.orders(bob.token)).items).toEqual([]);
  });
});
