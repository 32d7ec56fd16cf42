/**
 * What one placement costs ordering's database, and why its in-memory read models stay right,
 * against real FerretDB and Kafka with two replicas of ordering in-process:
 * - a serial and account registered through their events (as ordering's consumer stores them)
 *   are served from memory: the stored copies reflect the events the feed saw;
 * - once warm, a placement sends at most 3 commands (the serial's live orders, the order's
 *   insert, and with an Idempotency-Key its claim), counted by the driver's command monitoring;
 * - a registry change (contract ended, ship-to changed) reaches both replicas' caches by their
 *   own feed, before ordering's consumer has written it, and the next placement decides on it;
 * - while Kafka is away the caches are not used (placements read the database and still
 *   succeed), and after Kafka's restart the feed comes back and they are used again.
 */
import 'reflect-metadata';
import mongoose from 'mongoose';
import { randomUUID } from 'node:crypto';
import {
  ContractChangedEvent,
  ContractChangedPayload,
  contractsCatalog,
  RegistrationApprovedEvent,
  RegistrationApprovedPayload,
  SerialAddedEvent,
  SerialAddedPayload,
  ShipToAddressChangedEvent,
  ShipToAddressChangedPayload,
} from '@metered/contracts';
import {
  createEnvelope,
  EventDefinition,
  EventEnvelope,
  eventHeaders,
} from '@metered/event-platform';
import { KafkaTestClient } from '../../support/event-platform/kafka-test-client';
import { databaseUri, runId } from '../../support/event-platform/probe-event';
import { waitFor } from '../../support/event-platform/wait-for';
import { itWhenManaged } from '../../support/managed-only';
import {
  OrderingReplica,
  SeededSerial,
  seedSerialOfNewAccount,
  SentCommand,
  serviceGroupCaughtUp,
  TEST_SHIP_TO,
} from '../../support/ordering/placement-replica';
import { killComponent, startComponent } from '../../support/stack-env';

const run = runId();
const service = `ordering-cost-${run}`;
/** Read-model collections a warm placement must not read. */
const CACHED = ['serials', 'accounts', 'allowances'];

function describeCommands(commands: readonly SentCommand[]): string[] {
  return commands.map((command) => `${command.name} ${command.collection}`);
}

describe('the database cost of a placement, with per-replica caches (real FerretDB and Kafka)', () => {
  const kafka = new KafkaTestClient();
  let replicas: OrderingReplica[] = [];
  let db: mongoose.Connection;

  beforeAll(async () => {
    await serviceGroupCaughtUp(service);
    replicas = [await OrderingReplica.start({ service }), await OrderingReplica.start({ service })];
    db = await mongoose.createConnection(databaseUri(service)).asPromise();
    await waitFor('both replicas’ feeds live', () => replicas.every((r) => r.views.live), 60_000);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
    await kafka.close();
  });

  function body(seeded: SeededSerial, quantity = 1, reorderNumber = 'R-1000') {
    return {
      serial: seeded.serial,
      rows: [{ reorderNumber, fullCartonsOnsite: 0, bottlesOnsite: 0, quantity }],
    };
  }

  /** Publishes the event; resolves with what a consumer decodes from it (class instances). */
  async function publish<P extends object>(
    definition: EventDefinition<P>,
    payload: P,
  ): Promise<EventEnvelope<P>> {
    const envelope = createEnvelope(definition, payload, { producer: 'placement-cost-test' });
    const value = JSON.stringify(envelope);
    await kafka.produce(definition.topic, [
      { key: envelope.key, value, headers: eventHeaders(envelope) },
    ]);
    const decoded = await contractsCatalog.decode(JSON.parse(value));
    return decoded.envelope as EventEnvelope<P>;
  }

  it('serves a serial and account registered through their events from memory', async () => {
    const [replica] = replicas;
    const serial = `SN${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
    const accountId = randomUUID();
    const approvedAt = new Date(Date.now() - 60_000).toISOString();
    // As identity and registry write them: optional fields (line2, state) simply absent.
    const shipTo = { line1: '5 Fresh Lane', city: 'Lyon', postalCode: '69001', country: 'FR' };
    const approved = await publish(RegistrationApprovedEvent, {
      registrationId: randomUUID(),
      company: 'Fresh Printing',
      contactName: 'Ada Fresh',
      email: `fresh-${run}@example.com`,
      country: 'FR',
      accountId,
      userId: randomUUID(),
      shipTo,
      serials: [serial],
      approvedBy: 'validator-1',
      approvedAt,
    } as RegistrationApprovedPayload);
    const added = await publish(SerialAddedEvent, {
      serial,
      accountId,
      country: 'FR',
      model: { code: 'T-1', name: 'Test Model', family: 'office' },
      contract: {
        contractId: `C-${serial}`,
        status: 'active',
        startsOn: '2020-01-01',
        endsOn: '2099-12-31',
      },
      shipTo,
      supplyItems: [
        { reorderNumber: 'R-1000', description: 'Black toner', kind: 'toner', bottlesPerCarton: 4 },
      ],
      source: 'registration',
      addedAt: approvedAt,
    } as SerialAddedPayload);
    // The replica's feed has both (the database has neither yet: they come from the feed).
    await waitFor(
      'both events in the replica’s feed',
      async () =>
        (await replica.views.serial(serial))?.accountId === accountId &&
        (await replica.views.account(accountId)) !== null,
      30_000,
    );
    // Ordering's consumer (one replica) writes the read models from the same events.
    await replica.readModels.onRegistrationApproved(approved);
    await replica.readModels.onSerialAdded(added);

    const user = {
      userId: randomUUID(),
      sessionId: randomUUID(),
      roles: ['customer' as const],
      accountId,
      country: 'FR',
      email: `fresh-${run}@example.com`,
    };
    const seeded = { serial, accountId, user };
    await replica.placing.place({ user, body: body(seeded) }); // loads what the consumer wrote
    const warm = await replica.commandsOf(() =>
      replica.placing.place({ user, body: body(seeded) }),
    );
    expect(warm.result.order.status).toBe('placed');
    expect(describeCommands(warm.commands)).toEqual(['find orders', 'insert orders']);
  });

  it('sends at most 3 commands per warm placement, with and without Idempotency-Key', async () => {
    const seeded = await seedSerialOfNewAccount(db, 'cost');
    const [replica] = replicas;
    await replica.placing.place({ user: seeded.user, body: body(seeded) }); // warms the caches

    const plain = await replica.commandsOf(() =>
      replica.placing.place({ user: seeded.user, body: body(seeded) }),
    );
    expect(plain.result.order.status).toBe('placed');
    expect(describeCommands(plain.commands)).toEqual(['find orders', 'insert orders']);

    const keyed = await replica.commandsOf(() =>
      replica.placing.place({ user: seeded.user, body: body(seeded), idempotencyKey: `k-${run}` }),
    );
    expect(keyed.result.replayed).toBe(false);
    expect(describeCommands(keyed.commands)).toEqual([
      'insert idempotency_keys',
      'find orders',
      'insert orders',
    ]);

    // The same key again is a replay: the claim's insert fails, then the claim and the order.
    const replay = await replica.commandsOf(() =>
      replica.placing.place({ user: seeded.user, body: body(seeded), idempotencyKey: `k-${run}` }),
    );
    expect(replay.result).toMatchObject({
      replayed: true,
      order: { orderId: keyed.result.order.orderId },
    });
    expect(replay.commands.filter((c) => CACHED.includes(c.collection))).toEqual([]);
  });

  it('decides the next placement in both replicas on a registry change their feeds saw', async () => {
    const seeded = await seedSerialOfNewAccount(db, 'change');
    for (const replica of replicas) {
      await replica.placing.place({ user: seeded.user, body: body(seeded) }); // warm in both
    }
    // The helpdesk changes the address: only the feeds learn of it here (no consumer writes
    // this test's read models), so a placement that still used its cached copy would miss it.
    const newShipTo = { ...TEST_SHIP_TO, line1: '99 New Dock Road' };
    const shipToChange: ShipToAddressChangedPayload = {
      accountId: seeded.accountId,
      previous: TEST_SHIP_TO,
      shipTo: newShipTo,
      changedBy: { userId: 'helpdesk-1', email: 'helpdesk@example.com', roles: ['helpdesk'] },
      changedAt: new Date().toISOString(),
    };
    await publish(ShipToAddressChangedEvent, shipToChange);
    for (const replica of replicas) {
      await waitFor(
        'the ship-to change in the replica’s cache',
        async () =>
          (await replica.views.account(seeded.accountId))?.shipTo.line1 === newShipTo.line1,
        30_000,
      );
      const { order } = await replica.placing.place({ user: seeded.user, body: body(seeded) });
      expect(order.shipTo).toEqual(newShipTo);
    }

    // The contract ends: both replicas refuse the next order.
    const ended: ContractChangedPayload = {
      serial: seeded.serial,
      accountId: seeded.accountId,
      contract: {
        contractId: `C-${seeded.serial}`,
        status: 'terminated',
        startsOn: '2020-01-01',
        endsOn: '2020-12-31',
      },
      changedAt: new Date().toISOString(),
    };
    await publish(ContractChangedEvent, ended);
    for (const replica of replicas) {
      await waitFor(
        'the ended contract in the replica’s cache',
        async () => (await replica.views.serial(seeded.serial))?.contract?.status === 'terminated',
        30_000,
      );
      await expect(
        replica.placing.place({ user: seeded.user, body: body(seeded) }),
      ).rejects.toMatchObject({ code: 'contract-not-current' });
    }

    // Once ordering's consumer has written the change, a load shows it and is kept again.
    await replicas[0].readModels.onContractChanged(
      createEnvelope(ContractChangedEvent, ended, { producer: 'placement-cost-test' }),
    );
    await replicas[0].views.serial(seeded.serial);
    const kept = await replicas[0].commandsOf(() => replicas[0].views.serial(seeded.serial));
    expect(kept.commands).toEqual([]);
  });

  it('applies an allowance override set in one replica to the next placement in both', async () => {
    const item = `R-${run}`.toUpperCase();
    const seeded = await seedSerialOfNewAccount(db, 'allowance', item);
    for (const replica of replicas) {
      const warm = await replica.placing.place({ user: seeded.user, body: body(seeded, 1, item) });
      expect(warm.order.status).toBe('placed'); // default allowance: 2 cartons = 8 bottles
    }
    const admin = { ...seeded.user, roles: ['admin' as const], accountId: undefined };
    await replicas[0].allowances.set(item, 2, admin);
    // What the relay publishes: the audit record stored with the override.
    const [stored] = await db
      .collection<{ _id: string; outbox: { envelope: string; key: string; topic: string }[] }>(
        'allowances',
      )
      .find({ _id: item })
      .toArray();
    expect(stored.outbox).toHaveLength(1);
    const [entry] = stored.outbox;
    await kafka.produce(entry.topic, [{ key: entry.key, value: entry.envelope }]);
    for (const replica of replicas) {
      await waitFor(
        'the override in the replica’s cache',
        async () => (await replica.views.allowanceOverrides([item])).get(item) === 2,
        30_000,
      );
      const { order } = await replica.placing.place({
        user: seeded.user,
        body: body(seeded, 1, item),
      });
      expect(order.status).toBe('held');
    }
  });

  itWhenManaged(
    ['kafka'],
    'reads the database while the feed is down, and the cache again after Kafka restarts',
    async () => {
      const seeded = await seedSerialOfNewAccount(db, 'restart');
      const [replica] = replicas;
      await replica.placing.place({ user: seeded.user, body: body(seeded) });
      let restarted = false;
      await killComponent('kafka');
      try {
        await waitFor('both feeds not live', () => replicas.every((r) => !r.views.live), 30_000);
        const down = await replica.commandsOf(() =>
          replica.placing.place({ user: seeded.user, body: body(seeded) }),
        );
        expect(down.result.order.status).toBe('placed');
        expect(down.commands.map((c) => c.collection)).toEqual(
          expect.arrayContaining(['serials', 'accounts', 'allowances']),
        );
        await startComponent('kafka');
        restarted = true;
      } finally {
        if (!restarted) await startComponent('kafka');
      }
      await waitFor('both feeds live again', () => replicas.every((r) => r.views.live), 120_000);

      await replica.placing.place({ user: seeded.user, body: body(seeded) }); // warms again
      const warm = await replica.commandsOf(() =>
        replica.placing.place({ user: seeded.user, body: body(seeded) }),
      );
      expect(describeCommands(warm.commands)).toEqual(['find orders', 'insert orders']);

      // And the feed after the restart delivers: a change reaches the cache.
      const newShipTo = { ...TEST_SHIP_TO, line1: '7 After Restart Lane' };
      await publish(ShipToAddressChangedEvent, {
        accountId: seeded.accountId,
        previous: TEST_SHIP_TO,
        shipTo: newShipTo,
        changedBy: { userId: 'helpdesk-1', email: 'helpdesk@example.com', roles: ['helpdesk'] },
        changedAt: new Date().toISOString(),
      });
      await waitFor(
        'the change after the restart in the cache',
        async () =>
          (await replica.views.account(seeded.accountId))?.shipTo.line1 === newShipTo.line1,
        30_000,
      );
    },
    300_000,
  );
});
