/**
 * Two relays of one service (two replicas) on the same collection: the lease lets one
 * publish at a time, a stopped holder hands over, and every event arrives at least once
 * with each key's events in their order.
 */
import { Logger } from '@nestjs/common';
import mongoose, { Connection, mongo } from 'mongoose';
import {
  createKafka,
  DocumentLocks,
  LEASE_COLLECTION,
  OutboxRelay,
  OutboxRelaySettings,
  TopicAdmin,
} from '@metered/event-platform';
import { KafkaTestClient } from '../../support/event-platform/kafka-test-client';
import { tearDownRelaySuite } from '../../support/event-platform/relay-teardown';
import {
  databaseUri,
  kafkaBrokers,
  probeEventOn,
  probeTopic,
  runId,
} from '../../support/event-platform/probe-event';
import { appendProbeEvents, firstArrivalsByKey } from '../../support/event-platform/probe-writer';
import { waitFor } from '../../support/event-platform/wait-for';

const run = runId();
const topic = probeTopic(run);
const service = `ep-lease-${run}`;
const probeEvent = probeEventOn(topic);
const KEYS = ['k1', 'k2', 'k3', 'k4'].map((key) => `${key}-${run}`);

describe('two relays competing for one outbox', () => {
  let db: Connection;
  let probes: mongo.Collection;
  let locks: DocumentLocks;
  const relays: OutboxRelay[] = [];
  const kafka = new KafkaTestClient();
  const admin = new TopicAdmin(createKafka({ clientId: service, brokers: kafkaBrokers() }));

  function replica(
    settings: Partial<OutboxRelaySettings> = {},
    leaseName: string = service,
  ): OutboxRelay {
    const relay = new OutboxRelay({
      service: leaseName,
      db: () => db.db as mongo.Db,
      kafka: createKafka({ clientId: service, brokers: kafkaBrokers() }),
      locks,
      settings: {
        pollIntervalMs: 50,
        leaseTtlMs: 2000,
        leaseRetryMs: 100,
        batchSize: 2,
        ...settings,
      },
    });
    relay.register('probes');
    relays.push(relay);
    return relay;
  }

  const leaseOwner = async (name: string = service) =>
    (await db.collection<{ _id: string; owner: string }>(LEASE_COLLECTION).findOne({ _id: name }))
      ?.owner;

  beforeAll(async () => {
    Logger.overrideLogger(['error', 'warn']);
    await admin.ensureTopics([topic], { partitions: 3, replicationFactor: 1 });
    db = await mongoose.createConnection(databaseUri(service)).asPromise();
    probes = db.collection('probes');
    locks = new DocumentLocks(() => db.db as mongo.Db);
  });

  afterAll(() => tearDownRelaySuite(relays, kafka, db));

  it('publishes every event at least once, in key order, through a handover', async () => {
    const first = replica();
    first.start();
    await waitFor('the first replica to hold the lease', () => first.metrics().isLeader);
    const second = replica();
    second.start();

    const written = new Map(KEYS.map((key) => [key, 0]));
    const writeRound = async () => {
      await Promise.all(
        KEYS.map(async (key, index) => {
          const count = 1 + ((index + written.get(key)!) % 2);
          await appendProbeEvents(locks, probes, probeEvent, key, count);
          written.set(key, written.get(key)! + count);
        }),
      );
    };

    for (let round = 0; round < 5; round++) await writeRound();
    await waitFor('the first replica to publish', () => first.metrics().publishedTotal > 0);
    expect(second.metrics().isLeader).toBe(false);
    expect(await leaseOwner()).toBeDefined();
    const ownerBefore = await leaseOwner();

    // The holder stops (a rolling deploy): it hands the lease back, the other takes over.
    const stopping = first.stop();
    for (let round = 0; round < 5; round++) await writeRound();
    await stopping;
    await waitFor('the second replica to take over', () => second.metrics().isLeader, 10000);
    expect(await leaseOwner()).not.toBe(ownerBefore);

    // A restarted replica waits: the lease is held.
    const third = replica();
    third.start();
    for (let round = 0; round < 5; round++) await writeRound();

    await waitFor(
      'all outboxes to be empty',
      async () => (await probes.countDocuments({ outboxSince: { $type: 'date' } })) === 0,
      30000,
    );
    expect(third.metrics().isLeader).toBe(false);
    expect(third.metrics().publishedTotal).toBe(0);

    const total = [...written.values()].reduce((sum, n) => sum + n, 0);
    const seen = await kafka.collect([topic]);
    await waitFor(
      `${total} distinct events on the topic`,
      () => firstArrivalsByKey(seen).distinct >= total,
      30000,
    ).catch((error: Error) => {
      throw new Error(
        `${error.message}; got ${firstArrivalsByKey(seen).distinct} in ${seen.length} messages`,
      );
    });
    const { byKey, duplicates, distinct } = firstArrivalsByKey(seen);
    console.log(
      `written ${total}; received ${distinct} distinct (+${duplicates} repeats); published by replica 1: ` +
        `${first.metrics().publishedTotal}, replica 2: ${second.metrics().publishedTotal}`,
    );
    expect(distinct).toBe(total);
    expect(first.metrics().publishedTotal).toBeGreaterThan(0);
    expect(second.metrics().publishedTotal).toBeGreaterThan(0);
    for (const key of KEYS) {
      expect(byKey.get(key)).toEqual(Array.from({ length: written.get(key)! }, (_, i) => i + 1));
    }
  });

  it('hands the lease back when it goes idle: another replica publishes its own write', async () => {
    const leaseName = `${service}-idle`;
    // A long lease and safety poll: held until it runs out, a replica's write would wait a
    // minute. Idle polls double from 10 ms; past a third of the lease (20 s) the holder lets go.
    const holder = replica(
      { pollIntervalMs: 10, idlePollMaxMs: 600_000, leaseTtlMs: 60_000, leaseRetryMs: 200 },
      leaseName,
    );
    holder.start();
    await waitFor('the first replica to hold the lease', () => holder.metrics().isLeader);
    const holderId = await leaseOwner(leaseName);
    const other = replica(
      { idlePollMaxMs: 600_000, leaseTtlMs: 60_000, leaseRetryMs: 200 },
      leaseName,
    );
    other.start();

    await waitFor(
      'the idle holder to hand its lease back',
      async () => (await leaseOwner(leaseName)) !== holderId,
      45_000,
      250,
    );
    expect(holder.metrics().isLeader).toBe(false);

    // A write in the other replica (its EventOutbox nudges its own relay only).
    const key = `idle-${run}`;
    await appendProbeEvents(locks, probes, probeEvent, key, 1);
    other.nudge('probes');
    await waitFor('the other replica to publish it', () => other.metrics().publishedTotal === 1);
    expect(holder.metrics().publishedTotal).toBe(0);
    const seen = await kafka.collect([topic]);
    await waitFor('the event on the topic', () => seen.some((message) => message.key === key));
  }, 90_000);
});
