/**
 * Ordering end to end over the public API against the real stack: customers registered for
 * real, orders placed through the gateway, events read back from Kafka by a separate
 * consumer, the confirmation email in the mail capture.
 */
import 'reflect-metadata';
import { Topics } from '@metered/contracts';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';
import { Customer, OrderingHarness, simpleOrder } from '../../support/ordering/ordering-harness';

const ORDER_NUMBER = /^MS-\d{6}-[34679ACDEFGHJKMNPQRTUVWXY]{6}$/;

/** A message's JSON, or {} — other suites put malformed messages on these topics on purpose. */
function safeJson(value: string | null) {
  try {
    return JSON.parse(value ?? '{}') ?? {};
  } catch {
    return {};
  }
}

describe('placing orders (real stack, through the gateway)', () => {
  const harness = new OrderingHarness();
  const kafka = new KafkaTestClient();
  let seen: SeenMessage[];
  let alice: Customer;

  beforeAll(async () => {
    await harness.start();
    seen = await kafka.collect([Topics.OrderingOrder]);
    alice = await harness.customer(2);
  }, 600000);

  afterAll(() => kafka.close());

  function eventsOf(orderId: string) {
    return seen
      .map((message) => ({ key: message.key, envelope: safeJson(message.value) }))
      .filter(({ envelope }) => envelope.payload?.orderId === orderId);
  }

  it('offers the account`s serials with only the items tied to each', () => {
    expect(alice.catalog.map((serial) => serial.serial).sort()).toEqual(
      [...alice.devices.eligible].sort(),
    );
    for (const serial of alice.catalog) {
      expect(serial).toMatchObject({ accountId: alice.accountId, covered: true });
      expect(serial.items).toEqual([
        expect.objectContaining({
          reorderNumber: alice.devices.reorderNumber,
          bottlesPerCarton: 4,
          maxQuantity: 16,
        }),
      ]);
      expect(serial.helpdesk.phone).toBe('1-800-275-9376');
    }
  });

  it('places an order: 201, a human-friendly number, OrderPlaced on Kafka keyed by serial, a confirmation email', async () => {
    const body = simpleOrder(alice);
    const answer = await harness.place(alice.token, body);
    expect(answer.status).toBe(201);
    const order = answer.body;
    expect(order).toMatchObject({
      accountId: alice.accountId,
      serial: body.serial,
      status: 'placed',
      channel: 'web',
      shippingMethod: 'standard',
    });
    expect(order.orderNumber).toMatch(ORDER_NUMBER);
    expect(order.history).toEqual([
      expect.objectContaining({ status: 'placed', by: alice.userId }),
    ]);

    const [placed] = await waitFor(
      'OrderPlaced on ordering.order.v1',
      () => {
        const events = eventsOf(order.orderId);
        return events.length > 0 && events;
      },
      30000,
    );
    expect(placed.key).toBe(body.serial);
    expect(placed.envelope).toMatchObject({
      type: 'OrderPlaced',
      version: 1,
      producer: 'ordering',
      key: body.serial,
    });
    expect(placed.envelope.payload).toEqual({
      orderId: order.orderId,
      orderNumber: order.orderNumber,
      accountId: alice.accountId,
      company: alice.company,
      country: 'US',
      serial: body.serial,
      model: { code: alice.devices.modelCode, name: expect.any(String), family: 'office' },
      shipTo: expect.objectContaining({
        line1: '100 Main Street',
        city: 'Rochester',
        country: 'US',
      }),
      rows: [
        {
          reorderNumber: alice.devices.reorderNumber,
          description: expect.any(String),
          kind: 'toner',
          bottlesPerCarton: 4,
          fullCartonsOnsite: 0,
          bottlesOnsite: 1,
          quantity: 2,
        },
      ],
      channel: 'web',
      shippingMethod: 'standard',
      placedBy: alice.userId,
      placedAt: expect.any(String),
      status: 'placed',
    });

    const mail = await harness.mail.waitForMatching(
      alice.email,
      (message) => `${message.subject} ${message.text}`.includes(order.orderNumber),
      `the order number ${order.orderNumber}`,
      45000,
    );
    expect(mail.text).toContain(alice.devices.reorderNumber);
  });

  it('lists the customer`s orders newest first, filtered and paged, and opens one by id or number', async () => {
    const second = await harness.place(alice.token, simpleOrder(alice, 1, 1));
    expect(second.status).toBe(201);
    const page = await harness.orders(alice.token, '?limit=1');
    expect(page.items).toHaveLength(1);
    expect(page.items[0].orderId).toBe(second.body.orderId);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await harness.orders(alice.token, `?limit=1&cursor=${page.nextCursor}`);
    expect(next.items[0].orderId).not.toBe(second.body.orderId);

    const bySerial = await harness.orders(
      alice.token,
      `?serial=${alice.catalog[1].serial.toLowerCase()}`,
    );
    expect(bySerial.items.map((order) => order.orderId)).toEqual([second.body.orderId]);
    expect((await harness.orders(alice.token, '?status=held')).items).toEqual([]);

    const byNumber = await harness.order(alice.token, second.body.orderNumber.toLowerCase());
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.orderId).toBe(second.body.orderId);
    const bad = await harness.gateway.call('/api/orders?limit=1000&status=lost', {
      token: alice.token,
    });
    expect(bad.status).toBe(400);
  });

  it('refuses expedited shipping online with the helpdesk number and prompts', async () => {
    const answer = await harness.place(alice.token, {
      ...simpleOrder(alice),
      shippingMethod: 'expedited',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      {
        field: 'shippingMethod',
        reason: expect.stringContaining('1-800-275-9376 (prompts: 1, 3, 3)'),
      },
    ]);
  });

  describe('bad input gets the row and field, and stores nothing', () => {
    const cases: [string, (c: Customer) => unknown, string][] = [
      ['zero quantity', (c) => withRow(c, { quantity: 0 }), 'rows.0.quantity'],
      ['negative bottles onsite', (c) => withRow(c, { bottlesOnsite: -1 }), 'rows.0.bottlesOnsite'],
      [
        'fractional cartons',
        (c) => withRow(c, { fullCartonsOnsite: 1.5 }),
        'rows.0.fullCartonsOnsite',
      ],
      ['a huge quantity', (c) => withRow(c, { quantity: 1e9 }), 'rows.0.quantity'],
      ['more than the item maximum', (c) => withRow(c, { quantity: 17 }), 'rows.0.quantity'],
      ['a quantity as text', (c) => withRow(c, { quantity: '3' }), 'rows.0.quantity'],
      ['no rows', (c) => ({ serial: c.catalog[0].serial, rows: [] }), 'rows'],
      [
        'two rows for one item',
        (c) => {
          const order = simpleOrder(c);
          return { ...order, rows: [order.rows[0], { ...order.rows[0], quantity: 1 }] };
        },
        'rows.1.reorderNumber',
      ],
      [
        'an item not tied to the serial',
        (c) => withRow(c, { reorderNumber: 'NOT-AN-ITEM' }),
        'rows.0.reorderNumber',
      ],
      ['an unknown field', (c) => ({ ...simpleOrder(c), price: 0 }), 'price'],
    ];

    it.each(cases)('%s → 400 naming the field', async (_name, body, field) => {
      const before = await harness.orders(alice.token, '?limit=100');
      const answer = await harness.place(alice.token, body(alice));
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.map((error) => error.field)).toContain(field);
      const after = await harness.orders(alice.token, '?limit=100');
      expect(after.items.length).toBe(before.items.length);
    });

    it('an unknown serial → 404', async () => {
      const answer = await harness.place(alice.token, {
        ...simpleOrder(alice),
        serial: alice.devices.unknown,
      });
      expect(answer.status).toBe(404);
    });

    it('without a token → 401', async () => {
      const answer = await harness.gateway.call('/api/orders', { body: simpleOrder(alice) });
      expect(answer.status).toBe(401);
    });
  });
});

function withRow(customer: Customer, change: Record<string, unknown>) {
  const order = simpleOrder(customer);
  return { ...order, rows: [{ ...order.rows[0], ...change }] };
}
