/**
 * Ordering follows the registry's account changes and records the helpdesk's actions, against
 * the real stack. The registry's own endpoints for these changes are tested elsewhere: here
 * the events are published on Kafka as the registry publishes them (ShipToAddressChanged,
 * SupplyItemAdded/Removed, SerialRemoved), and their effects are checked over HTTP. Also: a
 * helpdesk order with expedited shipping (channel, agent, audit record), the held-order queue
 * without an account, and the helpdesk's user look-up.
 */
import 'reflect-metadata';
import {
  SerialRemovedEvent,
  ShipToAddressChangedEvent,
  SupplyItemAddedEvent,
  SupplyItemRemovedEvent,
  Topics,
} from '@metered/contracts';
import {
  createEnvelope,
  EventDefinition,
  eventHeaders,
  EventEnvelope,
} from '@metered/event-platform';
import { LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';
import { uniqueTag } from '../../support/registration/master-data.fixture';
import { Customer, OrderingHarness, simpleOrder } from '../../support/ordering/ordering-harness';

interface Envelope {
  type: string;
  payload: Record<string, unknown> & { orderId?: string; subject?: { id: string } };
}

describe('helpdesk actions and account changes in ordering (real stack)', () => {
  const harness = new OrderingHarness();
  const kafka = new KafkaTestClient();
  let seen: SeenMessage[];
  let customer: Customer;
  let agent: LoginAnswer;
  let actor: { userId: string; email: string; roles: ['helpdesk'] };

  beforeAll(async () => {
    await harness.start();
    seen = await kafka.collect([Topics.OrderingOrder, Topics.PlatformAudit]);
    // A third serial for the orders that must be placed after serial 0 has used its allowance.
    [customer, agent] = await Promise.all([harness.customer(3), harness.helpdeskAgent()]);
    actor = { userId: agent.user.userId, email: agent.user.email, roles: ['helpdesk'] };
  }, 600000);

  afterAll(() => kafka.close());

  async function publish<P extends object>(definition: EventDefinition<P>, payload: P) {
    const envelope = createEnvelope(definition, payload, { producer: 'e2e-registry' });
    await produce(envelope);
    return envelope;
  }

  /** Produces an envelope on its event's topic, as the registry's relay would. */
  async function produce(envelope: EventEnvelope<object>) {
    const topic =
      envelope.type === ShipToAddressChangedEvent.type
        ? Topics.RegistryAccount
        : Topics.RegistryDevice;
    await kafka.produce(topic, [
      { key: envelope.key, value: JSON.stringify(envelope), headers: eventHeaders(envelope) },
    ]);
  }

  /** Envelopes seen so far; other suites' malformed test messages on these topics are skipped. */
  function events(match: (envelope: Envelope) => boolean): Envelope[] {
    return seen.flatMap((message) => {
      try {
        const envelope = JSON.parse(message.value ?? '{}') as Envelope;
        return envelope?.payload && match(envelope) ? [envelope] : [];
      } catch {
        return [];
      }
    });
  }

  const catalogSerial = async (serial: string) =>
    (await harness.catalog(customer.token)).body.items.find((item) => item.serial === serial);

  it('sends later orders to a changed ship-to address; an order placed before keeps its own', async () => {
    const before = await harness.place(customer.token, simpleOrder(customer));
    expect(before.status).toBe(201);
    const oldAddress = (before.body as unknown as { shipTo: { line1: string } }).shipTo;
    const shipTo = {
      line1: `${uniqueTag(4)} Harbour Road`,
      city: 'Buffalo',
      state: 'NY',
      postalCode: '14201',
      country: 'US',
    };
    const changed = await publish(ShipToAddressChangedEvent, {
      accountId: customer.accountId,
      previous: { ...oldAddress } as typeof shipTo,
      shipTo,
      changedBy: actor,
      changedAt: new Date().toISOString(),
    });
    await waitFor('the catalog to show the new address', async () => {
      const shown = (await catalogSerial(customer.catalog[0].serial)) as unknown as
        { shipTo: { line1: string } } | undefined;
      return shown?.shipTo.line1 === shipTo.line1;
    });
    await produce(changed); // redelivered: changes nothing
    const after = await harness.place(customer.token, simpleOrder(customer));
    expect(after.status).toBe(201);
    expect(after.body).toMatchObject({ shipTo });
    const earlier = await harness.order(customer.token, before.body.orderId);
    expect(earlier.body).toMatchObject({ shipTo: oldAddress });
  });

  it('offers an item the helpdesk added to a serial, and refuses it once removed', async () => {
    const { serial } = customer.catalog[0];
    const reorderNumber = `XT-${uniqueTag(6)}`;
    const added = await publish(SupplyItemAddedEvent, {
      serial,
      accountId: customer.accountId,
      item: { reorderNumber, description: 'Extra fuser', kind: 'fuser', bottlesPerCarton: 1 },
      source: 'helpdesk',
      addedBy: actor,
      addedAt: new Date().toISOString(),
    });
    await waitFor('the added item in the catalog', async () =>
      (await catalogSerial(serial))?.items.some((item) => item.reorderNumber === reorderNumber),
    );
    const row = { reorderNumber, fullCartonsOnsite: 0, bottlesOnsite: 0, quantity: 1 };
    const ordered = await harness.place(customer.token, { serial, rows: [row] });
    expect(ordered.status).toBe(201);

    await publish(SupplyItemRemovedEvent, {
      serial,
      accountId: customer.accountId,
      reorderNumber,
      removedBy: actor,
      removedAt: new Date().toISOString(),
    });
    await waitFor('the item to leave the catalog', async () =>
      (await catalogSerial(serial))?.items.every((item) => item.reorderNumber !== reorderNumber),
    );
    await produce(added); // an old addition delivered again does not bring it back
    const refused = await harness.place(customer.token, { serial, rows: [row] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.field).toMatch(/^rows\.0/);
    expect(
      (await catalogSerial(serial))?.items.some((item) => item.reorderNumber === reorderNumber),
    ).toBe(false);
  });

  it('drops a serial the helpdesk removed from the account: not in the catalog, not orderable', async () => {
    const { serial } = customer.catalog[1];
    await publish(SerialRemovedEvent, {
      serial,
      accountId: customer.accountId,
      reason: 'machine returned',
      removedBy: actor,
      removedAt: new Date().toISOString(),
    });
    await waitFor('the serial to leave the catalog', async () => !(await catalogSerial(serial)));
    const refused = await harness.place(customer.token, simpleOrder(customer, 1));
    expect(refused.status).toBe(404);
  });

  it('places an expedited order for the customer as the helpdesk: channel, agent and an audit record', async () => {
    const body = {
      ...simpleOrder(customer),
      shippingMethod: 'expedited',
      accountId: customer.accountId,
    };
    const placed = await harness.place(agent.accessToken, body);
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ channel: 'helpdesk', shippingMethod: 'expedited' });
    const { orderId } = placed.body;
    const orderPlaced = await waitFor(
      'OrderPlaced',
      () => events((e) => e.type === 'OrderPlaced' && e.payload.orderId === orderId)[0],
    );
    expect(orderPlaced.payload).toMatchObject({
      channel: 'helpdesk',
      shippingMethod: 'expedited',
      placedBy: agent.user.userId,
      accountId: customer.accountId,
    });
    const audit = await waitFor(
      'the audit record',
      () => events((e) => e.type === 'StaffActionRecorded' && e.payload.subject?.id === orderId)[0],
    );
    expect(audit.payload).toMatchObject({
      service: 'ordering',
      action: 'order.placed',
      actor: { userId: agent.user.userId, email: agent.user.email },
      accountId: customer.accountId,
      after: { status: 'placed', channel: 'helpdesk', shippingMethod: 'expedited' },
    });
    // A customer placing its own order leaves no audit record.
    const own = await harness.place(customer.token, simpleOrder(customer, 2));
    await waitFor(
      'its OrderPlaced',
      () => events((e) => e.type === 'OrderPlaced' && e.payload.orderId === own.body.orderId)[0],
    );
    expect(
      events((e) => e.type === 'StaffActionRecorded' && e.payload.subject?.id === own.body.orderId),
    ).toHaveLength(0);
  });

  it('lists held orders of every account for the helpdesk; release and cancel are audited with before/after', async () => {
    const held = await harness.place(customer.token, {
      ...simpleOrder(customer),
      rows: [
        { ...simpleOrder(customer).rows[0], fullCartonsOnsite: 1, bottlesOnsite: 3, quantity: 4 },
      ],
    });
    expect(held.body.status).toBe('held');
    const queue = await harness.orders(agent.accessToken, '?status=held&limit=100');
    expect(queue.items.some((order) => order.orderId === held.body.orderId)).toBe(true);
    expect(queue.items.every((order) => order.status === 'held')).toBe(true);

    await harness.gateway.expect(200, `/api/orders/${held.body.orderId}/release`, {
      token: agent.accessToken,
      body: { note: 'confirmed by phone' },
    });
    const placed = await harness.place(customer.token, simpleOrder(customer, 2));
    expect(placed.body.status).toBe('placed');
    await harness.gateway.expect(200, `/api/orders/${placed.body.orderId}/cancel`, {
      token: agent.accessToken,
      body: { reason: 'customer asked by phone' },
    });
    const audited = (orderId: string) =>
      waitFor(
        'the audit record',
        () =>
          events((e) => e.type === 'StaffActionRecorded' && e.payload.subject?.id === orderId)[0],
      );
    expect((await audited(held.body.orderId)).payload).toMatchObject({
      action: 'order.released',
      before: { status: 'held' },
      after: { status: 'released' },
      reason: 'confirmed by phone',
    });
    expect((await audited(placed.body.orderId)).payload).toMatchObject({
      action: 'order.cancelled',
      before: { status: 'placed' },
      after: { status: 'cancelled' },
      reason: 'customer asked by phone',
    });
  });

  it('lets the helpdesk look up an account`s users and a user by email; customers may not', async () => {
    const byAccount = await harness.gateway.expect<{
      items: { email: string; accountId: string }[];
    }>(200, `/api/users?accountId=${customer.accountId}`, { token: agent.accessToken });
    expect(byAccount.items).toEqual([
      expect.objectContaining({
        email: customer.email,
        accountId: customer.accountId,
        roles: ['customer'],
      }),
    ]);
    const byEmail = await harness.gateway.expect<{
      items: { userId: string; createdAt: string }[];
    }>(200, `/api/users?email=${encodeURIComponent(customer.email.toUpperCase())}`, {
      token: agent.accessToken,
    });
    expect(byEmail.items).toHaveLength(1);
    expect(byEmail.items[0]).toMatchObject({ userId: customer.userId, status: 'active' });
    expect(Date.parse(byEmail.items[0].createdAt)).not.toBeNaN();
    const asCustomer = await harness.gateway.call(`/api/users?accountId=${customer.accountId}`, {
      token: customer.token,
    });
    expect(asCustomer.status).toBe(403);
  });
});
