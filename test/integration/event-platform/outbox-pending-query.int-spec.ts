/**
 * The relay and the email sender poll FerretDB all the time, so what they ask must be cheap:
 * filters FerretDB hands to PostgreSQL (a `$type` or top-level `$or` filter makes it read the
 * whole collection on every poll). And the relay moves a backlog in few Kafka requests,
 * still publishes documents written before the `outboxPending` flag existed, and a document
 * Kafka refuses does not hold back the others. Real FerretDB and Kafka.
 */
import { isDeepStrictEqual } from 'node:util';
import { Logger } from '@nestjs/common';
import { logLevel } from 'kafkajs';
import mongoose, { Connection, mongo } from 'mongoose';
import {
  createKafka,
  createOutgoingEvent,
  DocumentLocks,
  newDocumentWithOutbox,
  OUTBOX_PENDING_FILTER,
  OUTBOX_PENDING_INDEX,
  OutboxEntry,
  OutboxRelay,
  OutboxRelaySettings,
  TopicAdmin,
  toOutboxEntry,
} from '@metered/event-platform';
import {
  EMAIL_MODEL,
  EMAILS_COLLECTION,
  EmailDocument,
  EmailSchema,
} from '../../../apps/notifications/src/emails/persistence/email.schema';
import { EmailsRepository } from '../../../apps/notifications/src/emails/persistence/emails.repository';
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
import {
  countingKafka,
  isFerretDb,
  ProducerRequests,
  recordFinds,
  SentFind,
  servedByIndex,
} from '../../support/event-platform/query-inspection';
import { waitFor } from '../../support/event-platform/wait-for';

const run = runId();
const service = `ep-pending-${run}`;
const topic = probeTopic(run);
const probeEvent = probeEventOn(topic);
/** A topic with a small broker limit: an event above it is a real refusal by Kafka. */
const smallTopic = `platform.selftest-${run}-small.v1`;
const smallEvent = probeEventOn(smallTopic);
const SMALL_TOPIC_MAX_BYTES = 16384;

const keysOf = (name: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${name}-${i}-${run}`);
const sequences = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

describe('the outbox relay and email polls on FerretDB', () => {
  let connection: Connection;
  let db: mongo.Db;
  let locks: DocumentLocks;
  let ferretDb: boolean;
  let finds: SentFind[];
  let seen: SeenMessage[];
  const relays: OutboxRelay[] = [];
  const kafka = new KafkaTestClient();

  function startRelay(
    collection: string,
    settings: Partial<OutboxRelaySettings>,
    client = createKafka({ clientId: service, brokers: kafkaBrokers() }),
  ): OutboxRelay {
    // Own lease name per test: a relay of an earlier test never holds this one's lease.
    const relay = new OutboxRelay({
      service: `${service}-${collection}`,
      db: () => db,
      kafka: client,
      locks,
      settings: { pollIntervalMs: 50, leaseRetryMs: 100, ...settings },
    });
    relay.register(collection);
    relays.push(relay);
    relay.start();
    return relay;
  }

  /** First arrivals on Kafka of the given keys' events, per key. */
  function arrivals(keys: readonly string[]) {
    const wanted = new Set(keys);
    return firstArrivalsByKey(seen.filter((message) => wanted.has(message.key ?? '')));
  }

  async function expectDelivered(expected: Map<string, number[]>): Promise<void> {
    const total = [...expected.values()].reduce((sum, list) => sum + list.length, 0);
    const keys = [...expected.keys()];
    await waitFor(`${total} events on Kafka`, () => arrivals(keys).distinct >= total, 30000);
    const { byKey, distinct } = arrivals(keys);
    expect(distinct).toBe(total);
    for (const [key, list] of expected)
      expect({ key, got: byKey.get(key) }).toEqual({ key, got: list });
  }

  const nothingPending = async (collection: mongo.Collection) =>
    (await collection.countDocuments(OUTBOX_PENDING_FILTER)) === 0 &&
    (await collection.countDocuments({ outboxSince: { $exists: true } })) === 0;

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    const admin = createKafka({ clientId: service, brokers: kafkaBrokers() }).admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic: smallTopic,
          numPartitions: 3,
          replicationFactor: 1,
          configEntries: [{ name: 'max.message.bytes', value: String(SMALL_TOPIC_MAX_BYTES) }],
        },
      ],
    });
    await admin.disconnect();
    await new TopicAdmin(createKafka({ clientId: service, brokers: kafkaBrokers() })).ensureTopics(
      [topic],
      { partitions: 3, replicationFactor: 1 },
    );
    connection = await mongoose
      .createConnection(databaseUri(service), { monitorCommands: true })
      .asPromise();
    db = connection.db as mongo.Db;
    finds = recordFinds(connection);
    locks = new DocumentLocks(() => db);
    ferretDb = await isFerretDb(db);
    seen = await kafka.collect([topic, smallTopic]);
  });

  afterAll(() => tearDownRelaySuite(relays, kafka, connection));

  it('polls for pending documents with a filter served by an index, sweeping for old ones once', async () => {
    const name = 'polled';
    await db.collection(name).createIndex(OUTBOX_PENDING_INDEX);
    await db
      .collection(name)
      .insertOne({ _id: `quiet-${run}` as never, outbox: [], outboxVersion: 0 });
    const relay = startRelay(name, { pollIntervalMs: 20 });
    await waitFor(
      'a few polls',
      () => finds.filter((find) => find.collection === name).length >= 4,
    );
    await relay.stop();

    const polls = finds.filter((find) => find.collection === name);
    const verdicts: { filter: object; served: boolean }[] = [];
    for (const poll of polls)
      verdicts.push({ filter: poll.filter, served: await servedByIndex(db, ferretDb, poll) });
    // Only the one-time sweep for documents written before `outboxPending` existed may read
    // the whole collection; every other poll asks for the pending flag, served by an index.
    const others = verdicts.filter(
      ({ filter }) => !isDeepStrictEqual(filter, OUTBOX_PENDING_FILTER),
    );
    expect(others.length).toBeLessThanOrEqual(1);
    const regular = verdicts.filter((verdict) => !others.includes(verdict));
    expect(regular.length).toBeGreaterThanOrEqual(3);
    expect({ ferretDb, regular }).toEqual({
      ferretDb,
      regular: regular.map(() => ({ filter: OUTBOX_PENDING_FILTER, served: true })),
    });
  });

  it('looks for due emails with filters served by an index, and finds them oldest first', async () => {
    const emails = connection.model<EmailDocument>(EMAIL_MODEL, EmailSchema, EMAILS_COLLECTION);
    await emails.init();
    const now = new Date();
    const at = (ms: number) => new Date(now.getTime() + ms);
    const email = (id: string, status: string, nextAttemptAt: Date, claimExpiresAt?: Date) => ({
      _id: `${id}:${run}`,
      template: 'password-reset',
      to: `due-${run}@example.com`,
      subject: 'Reset',
      causationEventId: run,
      correlationId: run,
      status,
      attempts: 0,
      lastError: null,
      nextAttemptAt,
      createdAt: now,
      outbox: [],
      outboxVersion: 0,
      ...(claimExpiresAt ? { claimExpiresAt } : {}),
    });
    await emails.collection.insertMany([
      email('due', 'queued', at(-2000)),
      email('later', 'queued', at(60000)),
      email('crashed', 'sending', at(-3000), at(-1000)),
      email('claimed', 'sending', at(-4000), at(60000)),
      email('sent', 'sent', at(-5000)),
    ] as never[]);
    // findDue reads through the model only; the outbox is for writes.
    const repository = new EmailsRepository(emails, undefined as never);
    const before = finds.length;

    await expect(repository.findDue(now, 10)).resolves.toEqual([`crashed:${run}`, `due:${run}`]);

    const polls = finds.slice(before).filter((find) => find.collection === EMAILS_COLLECTION);
    expect(polls.length).toBeGreaterThan(0);
    for (const poll of polls)
      expect({ filter: poll.filter, served: await servedByIndex(db, ferretDb, poll) }).toEqual({
        filter: poll.filter,
        served: true,
      });
  });

  it('still publishes documents written before the pending flag, with flagged ones', async () => {
    const probes = db.collection('legacy');
    const legacyKeys = keysOf('legacy', 7);
    const flaggedKeys = keysOf('flagged', 3);
    const since = Date.now() - 60000;
    for (const [i, key] of legacyKeys.entries()) {
      const createdAt = new Date(since + i);
      const outbox: OutboxEntry[] = sequences(2).map((sequence) =>
        toOutboxEntry(
          createOutgoingEvent(probeEvent, { probeId: key, sequence }, { producer: 'before-flag' }),
          createdAt,
        ),
      );
      // As the platform wrote them before `outboxPending` existed.
      await probes.insertOne({
        _id: key as never,
        events: 2,
        outbox,
        outboxVersion: 1,
        outboxSince: createdAt,
      });
    }
    // An old document that gets a new event the current way before any relay runs.
    await appendProbeEvents(locks, probes, probeEvent, legacyKeys[0], 1);
    for (const key of flaggedKeys) await appendProbeEvents(locks, probes, probeEvent, key, 2);
    expect(
      await probes.countDocuments({
        outboxSince: { $exists: true },
        outboxPending: { $exists: false },
      }),
    ).toBe(6);

    startRelay('legacy', { batchSize: 3 });

    await waitFor('nothing pending in the legacy collection', () => nothingPending(probes), 20000);
    const left = await probes.find({}, { projection: { outbox: 1, outboxPending: 1 } }).toArray();
    expect(left.filter((doc) => doc.outbox.length > 0 || 'outboxPending' in doc)).toEqual([]);
    await expectDelivered(
      new Map([
        ...legacyKeys.map((key, i) => [key, sequences(i === 0 ? 3 : 2)] as const),
        ...flaggedKeys.map((key) => [key, sequences(2)] as const),
      ]),
    );
  });

  it('publishes a backlog of 120 documents in a handful of Kafka requests, each key in order', async () => {
    const probes = db.collection('backlog');
    const keys = keysOf('backlog', 120);
    // Written as `EventOutbox.insert` writes them, in one go: the backlog a restart finds.
    await probes.insertMany(
      keys.map((probeId) =>
        newDocumentWithOutbox(
          { _id: probeId, events: 3 },
          sequences(3).map((sequence) =>
            createOutgoingEvent(
              probeEvent,
              { probeId, sequence },
              { producer: 'integration-test' },
            ),
          ),
        ),
      ) as never[],
    );
    const requests: ProducerRequests = { send: 0, sendBatch: 0 };
    const kafkaClient = countingKafka(
      createKafka({ clientId: service, brokers: kafkaBrokers() }),
      requests,
    );
    const started = Date.now();
    const relay = startRelay('backlog', { batchSize: 50 }, kafkaClient);

    await waitFor('the backlog to be published', () => nothingPending(probes), 30000);
    console.log(
      `backlog: ${keys.length} documents, ${relay.metrics().publishedTotal} events in ` +
        `${Date.now() - started} ms with ${requests.sendBatch} sendBatch + ${requests.send} send calls`,
    );
    expect(requests).toEqual({ send: 0, sendBatch: expect.any(Number) });
    expect(requests.sendBatch).toBeLessThanOrEqual(6);
    await expectDelivered(new Map(keys.map((key) => [key, sequences(3)])));
  });

  it('sets aside a document Kafka refuses and publishes the rest of its batch', async () => {
    const probes = db.collection('refused');
    const goodKeys = keysOf('good', 6);
    const badKey = `too-large-${run}`;
    for (const key of goodKeys.slice(0, 3))
      await appendProbeEvents(locks, probes, smallEvent, key, 1);
    const tooLarge = toOutboxEntry(
      createOutgoingEvent(
        smallEvent,
        { probeId: badKey, sequence: 1 },
        { producer: 'integration-test' },
      ),
      new Date(),
    );
    tooLarge.envelope = JSON.stringify({
      ...JSON.parse(tooLarge.envelope),
      padding: 'x'.repeat(4 * SMALL_TOPIC_MAX_BYTES),
    });
    await probes.insertOne({
      _id: badKey as never,
      events: 1,
      outbox: [tooLarge],
      outboxVersion: 0,
      outboxSince: tooLarge.createdAt,
      outboxPending: true,
    });
    for (const key of goodKeys.slice(3)) await appendProbeEvents(locks, probes, smallEvent, key, 1);

    // kafkajs logs each refusal as an error; here they are expected.
    const quiet = createKafka({
      clientId: service,
      brokers: kafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const relay = startRelay(
      'refused',
      { batchSize: 50, backoff: { initialMs: 100, maxMs: 500 } },
      quiet,
    );

    await waitFor(
      'all but the refused document to be published',
      async () => (await probes.countDocuments(OUTBOX_PENDING_FILTER)) === 1,
      20000,
    );
    await expectDelivered(new Map(goodKeys.map((key) => [key, [1]])));
    const refused = await probes.findOne({ _id: badKey as never });
    expect(refused).toMatchObject({
      outboxPending: true,
      outbox: [{ eventId: tooLarge.eventId, status: 'failed' }],
    });
    expect(refused?.outbox[0].attempts).toBeGreaterThanOrEqual(1);
    expect(refused?.outbox[0].lastError).toMatch(/larger|too large|size/i);
    expect(relay.metrics().failedAttemptsTotal).toBeGreaterThanOrEqual(1);
    expect(arrivals([badKey]).distinct).toBe(0);
  });
});
