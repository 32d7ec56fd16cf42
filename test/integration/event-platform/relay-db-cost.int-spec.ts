/**
 * What the relay costs the database per event it publishes. It removes the published entries
 * of a whole batch of documents under their locks with three commands — one insert of the
 * batch's locks, one bulk write of the version-conditioned removals, one delete of the locks —
 * instead of three per document. Counted with the driver's command monitoring on the relay's
 * own connection (the test's writes go through another one), against real FerretDB and Kafka.
 */
import { Logger } from '@nestjs/common';
import mongoose, { Connection, mongo, Schema } from 'mongoose';
import {
  createKafka,
  createOutgoingEvent,
  DOCUMENT_LOCK_COLLECTION,
  DocumentLocks,
  EventOutbox,
  newDocumentWithOutbox,
  OUTBOX_PENDING_FILTER,
  outboxPlugin,
  OutboxRelay,
  OutboxRelaySettings,
  REMOVALS_PER_COMMAND,
  ResolvedEventPlatformOptions,
  TopicAdmin,
} from '@metered/event-platform';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { tearDownRelaySuite } from '../../support/event-platform/relay-teardown';
import {
  databaseUri,
  kafkaBrokers,
  probeCatalog,
  probeEventOn,
  probeTopic,
  runId,
  testInfrastructure,
} from '../../support/event-platform/probe-event';
import { firstArrivalsByKey } from '../../support/event-platform/probe-writer';
import { waitFor } from '../../support/event-platform/wait-for';

const run = runId();
const service = `ep-cost-${run}`;
const topic = probeTopic(run);
const probeEvent = probeEventOn(topic);

const keysOf = (name: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${name}-${i}-${run}`);
const sequences = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

/** One command the relay's connection sent: its name and the collection it addressed. */
interface SentCommand {
  name: string;
  collection: string;
}

describe("the outbox relay's database commands per event", () => {
  let relayConnection: Connection;
  let writer: Connection;
  let seen: SeenMessage[];
  const sent: SentCommand[] = [];
  const relays: OutboxRelay[] = [];
  const kafka = new KafkaTestClient();

  function startRelay(
    collections: string | string[],
    settings: Partial<OutboxRelaySettings>,
    leaseName = `${service}-${String(collections)}`,
  ): OutboxRelay {
    const relay = new OutboxRelay({
      service: leaseName,
      db: () => relayConnection.db as mongo.Db,
      kafka: createKafka({ clientId: service, brokers: kafkaBrokers() }),
      locks: new DocumentLocks(() => relayConnection.db as mongo.Db),
      settings: { leaseRetryMs: 100, ...settings },
    });
    for (const collection of [collections].flat()) relay.register(collection);
    relays.push(relay);
    relay.start();
    return relay;
  }

  /** What a service writes with: `EventOutbox` (waking `relay`) and a model of `collection`. */
  function serviceWriting(relay: OutboxRelay, collection: string) {
    const options = { service, catalog: probeCatalog(topic), infrastructure: testInfrastructure() };
    const outbox = new EventOutbox(
      options as ResolvedEventPlatformOptions,
      relay,
      new DocumentLocks(() => writer.db as mongo.Db),
    );
    const schema = new Schema({ _id: String }, { strict: false });
    schema.plugin(outboxPlugin);
    const model = writer.model(`${collection}${run}`, schema, collection);
    return { outbox, model };
  }

  function probe(probeId: string, sequence: number) {
    return createOutgoingEvent(probeEvent, { probeId, sequence }, { producer: service });
  }

  /** The relay's commands since `from`, by "<command> <collection>". */
  function tally(from: number): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { name, collection } of sent.slice(from)) {
      const label = `${name} ${collection}`;
      counts[label] = (counts[label] ?? 0) + 1;
    }
    return counts;
  }

  const sum = (counts: Record<string, number>, match: (label: string) => boolean) =>
    Object.entries(counts)
      .filter(([label]) => match(label))
      .reduce((total, [, n]) => total + n, 0);

  async function expectDelivered(keys: readonly string[], perKey: number): Promise<void> {
    const wanted = new Set(keys);
    const arrivals = () =>
      firstArrivalsByKey(seen.filter((message) => wanted.has(message.key ?? '')));
    const total = keys.length * perKey;
    await waitFor(`${total} events on Kafka`, () => arrivals().distinct >= total, 30000);
    const { byKey, distinct } = arrivals();
    expect(distinct).toBe(total);
    for (const key of keys)
      expect({ key, got: byKey.get(key) }).toEqual({ key, got: sequences(perKey) });
  }

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    const admin = new TopicAdmin(createKafka({ clientId: service, brokers: kafkaBrokers() }));
    await admin.ensureTopics([topic], { partitions: 3, replicationFactor: 1 });
    relayConnection = await mongoose
      .createConnection(databaseUri(service), { monitorCommands: true })
      .asPromise();
    relayConnection.getClient().on('commandStarted', (event) => {
      const target = event.command[event.commandName] as unknown;
      sent.push({
        name: event.commandName,
        collection: typeof target === 'string' ? target : '-',
      });
    });
    writer = await mongoose.createConnection(databaseUri(service)).asPromise();
    seen = await kafka.collect([topic]);
  });

  afterAll(async () => {
    await tearDownRelaySuite(relays, kafka, relayConnection);
    await writer.close();
  });

  it('removes a backlog in a few commands per batch, not three per document', async () => {
    const documents = 60;
    const batchSize = 25;
    const keys = keysOf('backlog', documents);
    const backlog = writer.collection('backlog');
    await backlog.insertMany(
      keys.map((key) =>
        newDocumentWithOutbox({ _id: key, events: 2 }, [probe(key, 1), probe(key, 2)]),
      ) as never[],
    );

    const from = sent.length;
    // A slow poll after the backlog: the count then holds the backlog's work only.
    const relay = startRelay('backlog', { batchSize, pollIntervalMs: 5000 });
    await waitFor(
      'the backlog to be published',
      () => relay.metrics().publishedTotal === 2 * documents,
    );
    const counts = tally(from);
    const removal = sum(
      counts,
      (label) => label.endsWith(` ${DOCUMENT_LOCK_COLLECTION}`) || label === 'update backlog',
    );
    const total = sum(counts, () => true);
    console.log(
      `backlog of ${documents} documents (${2 * documents} events, batches of ${batchSize}): ` +
        `${total} relay commands = ${(total / (2 * documents)).toFixed(3)} per event, ` +
        `${removal} of them removing published entries; ${JSON.stringify(counts)}`,
    );
    // Per batch: one insert of its locks, one delete of them, and its removals in bulk
    // writes of REMOVALS_PER_COMMAND updates each (three commands per document before).
    const batches = [25, 25, 10];
    const updates = batches.reduce((sum, size) => sum + Math.ceil(size / REMOVALS_PER_COMMAND), 0);
    expect(counts[`insert ${DOCUMENT_LOCK_COLLECTION}`]).toBe(batches.length);
    expect(counts[`delete ${DOCUMENT_LOCK_COLLECTION}`]).toBe(batches.length);
    expect(counts['update backlog']).toBe(updates);
    expect(removal).toBeLessThan(documents / 3);
    expect(await backlog.countDocuments(OUTBOX_PENDING_FILTER)).toBe(0);
    expect(await writer.collection(DOCUMENT_LOCK_COLLECTION).countDocuments({})).toBe(0);
    await expectDelivered(keys, 2);
    await relay.stop();
  });

  it('publishes a stream of writes through EventOutbox (figures per event in the log)', async () => {
    const relay = startRelay('stream', { pollIntervalMs: 200 });
    const { outbox, model } = serviceWriting(relay, 'stream');
    await waitFor('the relay to hold its lease', () => relay.metrics().isLeader);

    const keys = keysOf('stream', 120);
    const from = sent.length;
    // Eight writers at once, as a service under load: each insert nudges the relay.
    const queue = [...keys];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let key = queue.shift(); key; key = queue.shift()) {
          await outbox.insert(model, { _id: key }, [probe(key, 1)]);
        }
      }),
    );
    await waitFor(
      'the stream to be published',
      () => relay.metrics().publishedTotal === keys.length,
    );
    const counts = tally(from);
    const total = sum(counts, () => true);
    const removal = sum(
      counts,
      (label) => label.endsWith(` ${DOCUMENT_LOCK_COLLECTION}`) || label === 'update stream',
    );
    console.log(
      `stream of ${keys.length} single-event inserts by 8 writers: ${total} relay commands = ` +
        `${(total / keys.length).toFixed(3)} per event, ${removal} removing published entries; ` +
        JSON.stringify(counts),
    );
    await expectDelivered(keys, 1);
  });

  it('polls only the collection a write through EventOutbox names, not every registered one', async () => {
    const collections = ['woken-a', 'woken-b', 'woken-c'];
    // A slow active interval: the one pass the write triggers is all this test sees.
    const relay = startRelay(collections, { pollIntervalMs: 5000, idlePollMaxMs: 120_000 });
    const { outbox, model } = serviceWriting(relay, 'woken-b');
    await waitFor('the relay to sleep for more than 3 s', () => {
      const at = relay.metrics().nextPollAt;
      return at !== null && at.getTime() - Date.now() > 3000;
    });

    const from = sent.length;
    const probeId = `woken-${run}`;
    await outbox.insert(model, { _id: probeId }, [probe(probeId, 1)]);
    await waitFor('the write to be published', () => relay.metrics().publishedTotal === 1);
    const finds = Object.fromEntries(
      collections.map((name) => [name, tally(from)[`find ${name}`] ?? 0]),
    );
    console.log(`finds after a write to woken-b: ${JSON.stringify(finds)}`);
    expect(finds).toEqual({ 'woken-a': 0, 'woken-b': 1, 'woken-c': 0 });
    await expectDelivered([probeId], 1);
  });

  it('asks for a held lease at most once per retry interval, however often writes wake the replica', async () => {
    const leaseName = `${service}-shared-lease`;
    const leader = startRelay('replicated', { pollIntervalMs: 200 }, leaseName);
    await waitFor('the first replica to hold the lease', () => leader.metrics().isLeader);
    const replica = startRelay(
      'replicated',
      { pollIntervalMs: 200, leaseRetryMs: 60_000 },
      leaseName,
    );
    const { outbox, model } = serviceWriting(replica, 'replicated');
    await waitFor('the second replica to have asked once', () =>
      sent.some(({ name, collection }) => name === 'find' && collection === 'outbox_relay_leases'),
    );

    const from = sent.length;
    const keys = keysOf('replicated', 20);
    // Writes in the replica without the lease: each wakes its relay; the leader publishes them.
    for (const key of keys) await outbox.insert(model, { _id: key }, [probe(key, 1)]);
    await waitFor('the leader to publish them', () => leader.metrics().publishedTotal === 20);
    // A replica asks with an insert and a read; the holder renews with an update.
    const asked = sum(
      tally(from),
      (label) => label === 'insert outbox_relay_leases' || label === 'find outbox_relay_leases',
    );
    console.log(`lease inserts and reads while 20 writes woke the replica without it: ${asked}`);
    expect(replica.metrics()).toMatchObject({ isLeader: false, publishedTotal: 0 });
    expect(asked).toBe(0);
    await expectDelivered(keys, 1);
  });
});
