/**
 * No lost events while Kafka is away: writes keep succeeding, the entries wait in their
 * documents with attempts and the last error recorded, and they are published once Kafka
 * answers again — first against a broker address where nothing listens, then (when the
 * test stack runs Kafka itself) by really stopping and starting it.
 */
import { Logger } from '@nestjs/common';
import mongoose, { Connection, mongo } from 'mongoose';
import {
  createKafka,
  DocumentLocks,
  OutboxEntry,
  OutboxRelay,
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
import { isManaged, startComponent, stopComponent } from '../../support/stack-env';

const run = runId();
const topic = probeTopic(run);
const service = `ep-outage-${run}`;
const probeEvent = probeEventOn(topic);
const UNREACHABLE_BROKER = '127.0.0.1:19999';
const fastRetries = { pollIntervalMs: 50, backoff: { initialMs: 100, maxMs: 1000 } };

interface Probe {
  _id: string;
  outbox: OutboxEntry[];
  outboxSince?: Date;
}

describe('publishing through a Kafka outage', () => {
  let db: Connection;
  let probes: mongo.Collection;
  let locks: DocumentLocks;
  const relays: OutboxRelay[] = [];
  const kafka = new KafkaTestClient();

  function relayTo(brokers: string[]): OutboxRelay {
    const client = createKafka({ clientId: service, brokers });
    const admin = new TopicAdmin(client);
    const relay = new OutboxRelay({
      service,
      db: () => db.db as mongo.Db,
      kafka: client,
      locks,
      settings: fastRetries,
      beforePublish: () => admin.ensureTopics([topic], { partitions: 3, replicationFactor: 1 }),
    });
    relay.register('probes');
    relays.push(relay);
    return relay;
  }

  const pending = () => probes.find<Probe>({ outboxSince: { $type: 'date' } }).toArray();

  async function expectAllPublished(expected: Map<string, number>) {
    await waitFor('every outbox to be empty', async () => (await pending()).length === 0, 40000);
    const total = [...expected.values()].reduce((sum, n) => sum + n, 0);
    const all = await kafka.collect([topic]);
    const mine = () => all.filter((message) => expected.has(message.key ?? ''));
    await waitFor(
      `${total} events on the topic`,
      () => firstArrivalsByKey(mine()).distinct >= total,
      30000,
    );
    const { byKey, duplicates, distinct } = firstArrivalsByKey(mine());
    console.log(`written ${total}; received ${distinct} distinct (+${duplicates} repeats)`);
    for (const [probeId, count] of expected) {
      expect(byKey.get(probeId)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
  }

  beforeAll(async () => {
    Logger.overrideLogger(['error', 'warn']);
    db = await mongoose.createConnection(databaseUri(service)).asPromise();
    probes = db.collection('probes');
    locks = new DocumentLocks(() => db.db as mongo.Db);
  });

  afterAll(() => tearDownRelaySuite(relays, kafka, db));

  it('keeps events pending while no broker answers and publishes them when one does', async () => {
    const down = relayTo([UNREACHABLE_BROKER]);
    down.start();
    const expected = new Map<string, number>();
    for (const probeId of ['a', 'b', 'c'].map((name) => `${name}-${run}`)) {
      await appendProbeEvents(locks, probes, probeEvent, probeId, 2);
      expected.set(probeId, 2);
    }

    await waitFor(
      'two failed publish attempts',
      () => down.metrics().failedAttemptsTotal >= 2,
      30000,
    );
    const failing = await pending();
    const tried = failing
      .flatMap((doc) => doc.outbox)
      .find((entry) => entry.attempts >= 1) as OutboxEntry;
    expect(tried.status).toBe('failed');
    expect(tried.lastError).toBeTruthy();
    expect(down.metrics()).toMatchObject({ publishedTotal: 0, isLeader: true });

    // Writes go on during the outage.
    await appendProbeEvents(locks, probes, probeEvent, `a-${run}`, 3);
    expected.set(`a-${run}`, 5);
    const stillPending = (await pending()).flatMap((doc) => doc.outbox).length;
    console.log(
      `pending during the outage: ${stillPending}; last error: ${down.metrics().lastError}`,
    );
    expect(stillPending).toBe(9);

    await down.stop();
    const up = relayTo(kafkaBrokers());
    up.start();
    await expectAllPublished(expected);
    expect(up.metrics().publishedTotal).toBeGreaterThanOrEqual(9);
    await up.stop();
  });

  const managed = isManaged('kafka');
  (managed ? it : it.skip)('survives a real stop and start of the stack Kafka', async () => {
    const relay = relayTo(kafkaBrokers());
    relay.start();
    const probeId = `outage-${run}`;
    await appendProbeEvents(locks, probes, probeEvent, probeId, 1);
    await waitFor('the first event to be published', async () => (await pending()).length === 0);

    await stopComponent('kafka');
    try {
      await appendProbeEvents(locks, probes, probeEvent, probeId, 2);
      await waitFor(
        'a failed attempt while Kafka is stopped',
        async () =>
          (await pending()).some((doc) => doc.outbox.some((entry) => entry.attempts >= 1)),
        30000,
      );
      await appendProbeEvents(locks, probes, probeEvent, probeId, 1);
    } finally {
      await startComponent('kafka');
    }
    await expectAllPublished(new Map([[probeId, 4]]));
  });
  if (!managed)
    console.log('real Kafka stop/start skipped: this run uses a Kafka the stack does not manage');
});
