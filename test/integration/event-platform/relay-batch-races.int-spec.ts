/**
 * The relay removes published entries a batch at a time (one insert of the batch's locks, bulk
 * version-conditioned updates, one delete of the locks) while the service keeps writing the
 * same documents under their locks. FerretDB 1.24 updates are read-then-overwrite, so the
 * proof is in what survives: every write of the writers, every event on Kafka in each
 * document's order, nothing left pending, no lock left behind — with the race really taking
 * place (locks found busy, documents changed between the relay's read and its locks), and
 * a crashed holder's expired lock broken. Real FerretDB and Kafka.
 */
import { Logger } from '@nestjs/common';
import mongoose, { Connection, mongo } from 'mongoose';
import {
  createKafka,
  createOutgoingEvent,
  DOCUMENT_LOCK_COLLECTION,
  DocumentLocks,
  LockDocument,
  OUTBOX_PENDING_FILTER,
  OutboxRelay,
  TopicAdmin,
  withOutbox,
} from '@metered/event-platform';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
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
const service = `ep-races-${run}`;
const topic = probeTopic(run);
const probeEvent = probeEventOn(topic);
const sequences = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

describe('batched removals racing the writers of the same documents', () => {
  /** The relay's connection and locks; the writers use their own, as another process would. */
  let relayConnection: Connection;
  let writer: Connection;
  let writerLocks: DocumentLocks;
  let seen: SeenMessage[];
  const relays: OutboxRelay[] = [];
  const kafka = new KafkaTestClient();

  function startRelay(collection: string, batchSize: number): OutboxRelay {
    const relay = new OutboxRelay({
      service: `${service}-${collection}`,
      db: () => relayConnection.db as mongo.Db,
      kafka: createKafka({ clientId: service, brokers: kafkaBrokers() }),
      locks: new DocumentLocks(() => relayConnection.db as mongo.Db, { waitMs: 30000 }),
      settings: { pollIntervalMs: 20, leaseRetryMs: 100, batchSize },
    });
    relay.register(collection);
    relays.push(relay);
    relay.start();
    return relay;
  }

  /** Each key's events on Kafka, by first arrival, and whether all `written` have arrived. */
  function arrivals(written: Map<string, number>) {
    const wanted = new Set(written.keys());
    return firstArrivalsByKey(seen.filter((message) => wanted.has(message.key ?? '')));
  }

  async function expectEverythingDelivered(
    collection: mongo.Collection,
    written: Map<string, number>,
  ): Promise<void> {
    const total = [...written.values()].reduce((sum, n) => sum + n, 0);
    await waitFor(
      'every outbox to be empty',
      async () => (await collection.countDocuments(OUTBOX_PENDING_FILTER)) === 0,
      60000,
    );
    await waitFor(`${total} events on Kafka`, () => arrivals(written).distinct >= total, 30000);
    const { byKey, distinct } = arrivals(written);
    expect(distinct).toBe(total);
    for (const [key, count] of written) {
      expect({ key, got: byKey.get(key) }).toEqual({ key, got: sequences(count) });
      // The writer's own state: a removal that overwrote a write would have rolled it back.
      const stored = await collection.findOne({ _id: key as never });
      expect({ key, events: stored?.events, outbox: stored?.outbox }).toEqual({
        key,
        events: count,
        outbox: [],
      });
    }
    expect(await writer.collection(DOCUMENT_LOCK_COLLECTION).countDocuments({})).toBe(0);
  }

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    const admin = new TopicAdmin(createKafka({ clientId: service, brokers: kafkaBrokers() }));
    await admin.ensureTopics([topic], { partitions: 3, replicationFactor: 1 });
    relayConnection = await mongoose.createConnection(databaseUri(service)).asPromise();
    writer = await mongoose.createConnection(databaseUri(service)).asPromise();
    writerLocks = new DocumentLocks(() => writer.db as mongo.Db, { waitMs: 30000 });
    seen = await kafka.collect([topic]);
  });

  afterAll(async () => {
    await tearDownRelaySuite(relays, kafka, relayConnection);
    await writer.close();
  });

  it('loses no write and no event, and keeps each document in order, while writers race the relay', async () => {
    const probes = writer.collection('raced');
    const keys = Array.from({ length: 10 }, (_, i) => `raced-${i}-${run}`);
    const written = new Map(keys.map((key) => [key, 0]));
    const relay = startRelay('raced', 4);

    // Rounds of writes to every key at once, until the race has shown both of its sides.
    const raced = () => {
      const { removalLocksBusyTotal, removalRereadsTotal } = relay.metrics();
      return removalLocksBusyTotal > 0 && removalRereadsTotal > 0;
    };
    let rounds = 0;
    while (rounds < 10 || (!raced() && rounds < 400)) {
      await Promise.all(
        keys.map(async (key, index) => {
          const count = 1 + ((index + rounds) % 2);
          await appendProbeEvents(writerLocks, probes, probeEvent, key, count);
          written.set(key, written.get(key)! + count);
        }),
      );
      rounds++;
    }

    await expectEverythingDelivered(probes, written);
    const metrics = relay.metrics();
    console.log(
      `${rounds} rounds, ${[...written.values()].reduce((a, b) => a + b, 0)} events: ` +
        `locks busy ${metrics.removalLocksBusyTotal}, documents read again ${metrics.removalRereadsTotal}, ` +
        `not removed (published again) ${metrics.unremovedTotal}`,
    );
    expect(metrics.removalLocksBusyTotal).toBeGreaterThan(0);
    expect(metrics.removalRereadsTotal).toBeGreaterThan(0);
  });

  it("waits for a writer's lock, breaks a crashed holder's expired one, and keeps the writer's event", async () => {
    const probes = writer.collection('held');
    const [crashed, held, free] = ['crashed', 'held', 'free'].map((name) => `${name}-${run}`);
    for (const key of [crashed, held, free])
      await appendProbeEvents(writerLocks, probes, probeEvent, key, 1);
    // A holder that died: its lock is there, past its expiry.
    await writer.collection<LockDocument>(DOCUMENT_LOCK_COLLECTION).insertOne({
      _id: DocumentLocks.lockId('held', crashed),
      owner: 'a-process-that-died',
      expiresAt: new Date(Date.now() - 1000),
    });
    // A writer holds `held` across the relay's batch: it writes a second event once the
    // relay has published the first, i.e. while the relay waits to remove it.
    const published = (key: string) => arrivals(new Map([[key, 1]])).distinct === 1;
    const writing = writerLocks.withLock('held', held, async () => {
      await waitFor('the first event of the held document on Kafka', () => published(held), 30000);
      const event = createOutgoingEvent(
        probeEvent,
        { probeId: held, sequence: 2 },
        { producer: 'integration-test' },
      );
      await probes.updateOne(
        { _id: held as never, events: 1 },
        withOutbox({ $set: { events: 2 } }, [event]),
      );
    });

    const relay = startRelay('held', 10);
    await writing;
    await expectEverythingDelivered(
      probes,
      new Map([
        [crashed, 1],
        [held, 2],
        [free, 1],
      ]),
    );
    // Both documents whose lock was taken when the batch locked were removed on their own.
    expect(relay.metrics().removalLocksBusyTotal).toBeGreaterThanOrEqual(2);
  });
});
