/**
 * An idle relay costs the database little: after polls that found nothing it waits longer
 * and longer, up to its safety poll. A write through `EventOutbox` wakes it at once, and a
 * document no wake-up announced (written by another process) is still published by the
 * safety poll. Real FerretDB and Kafka; the test counts work — database commands the
 * relay's own connection sends, its polls — and compares timestamps, never durations.
 */
import { Logger } from '@nestjs/common';
import mongoose, { Connection, mongo, Schema } from 'mongoose';
import {
  createKafka,
  createOutgoingEvent,
  DocumentLocks,
  EventOutbox,
  newDocumentWithOutbox,
  outboxPlugin,
  OutboxRelay,
  OutboxRelaySettings,
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
import { waitFor } from '../../support/event-platform/wait-for';

const run = runId();
const service = `ep-idle-${run}`;
const topic = probeTopic(run);
const probeEvent = probeEventOn(topic);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an idle outbox relay', () => {
  /** The relay's own connection: every command it sends is counted. */
  let relayConnection: Connection;
  /** The test's writes, as another process would make them: not counted. */
  let writer: Connection;
  let locks: DocumentLocks;
  let seen: SeenMessage[];
  const commands = new Map<string, number>();
  const relays: OutboxRelay[] = [];
  const kafka = new KafkaTestClient();

  const commandCount = () => [...commands.values()].reduce((sum, n) => sum + n, 0);
  const arrived = (probeId: string) =>
    seen.some((message) => message.key === probeId && message.topic === topic);

  function startRelay(collection: string, settings: Partial<OutboxRelaySettings>): OutboxRelay {
    const relay = new OutboxRelay({
      service: `${service}-${collection}`,
      db: () => relayConnection.db as mongo.Db,
      kafka: createKafka({ clientId: service, brokers: kafkaBrokers() }),
      locks,
      settings: { leaseRetryMs: 100, ...settings },
    });
    relay.register(collection);
    relays.push(relay);
    relay.start();
    return relay;
  }

  function probe(probeId: string) {
    return createOutgoingEvent(probeEvent, { probeId, sequence: 1 }, { producer: service });
  }

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    const admin = new TopicAdmin(createKafka({ clientId: service, brokers: kafkaBrokers() }));
    await admin.ensureTopics([topic], { partitions: 3, replicationFactor: 1 });
    relayConnection = await mongoose
      .createConnection(databaseUri(service), { monitorCommands: true })
      .asPromise();
    relayConnection.getClient().on('commandStarted', (event) => {
      commands.set(event.commandName, (commands.get(event.commandName) ?? 0) + 1);
    });
    writer = await mongoose.createConnection(databaseUri(service)).asPromise();
    locks = new DocumentLocks(() => relayConnection.db as mongo.Db);
    seen = await kafka.collect([topic]);
  });

  afterAll(async () => {
    await tearDownRelaySuite(relays, kafka, relayConnection);
    await writer.close();
  });

  it('polls at most once per safety interval when idle, and the safety poll publishes what no wake-up announced', async () => {
    const relay = startRelay('quiet', { pollIntervalMs: 50, idlePollMaxMs: 1000 });
    await waitFor('the relay to hold its lease', () => relay.metrics().isLeader);
    // 50, 100, 200, … ms: after 2 s the relay has reached its safety poll.
    await sleep(2000);

    const before = { commands: commandCount(), polls: relay.metrics().pollsTotal };
    await sleep(5000);
    const polls = relay.metrics().pollsTotal - before.polls;
    const spent = commandCount() - before.commands;
    console.log(
      `idle 5 s: ${polls} polls, ${spent} database commands (${JSON.stringify([...commands])})`,
    );
    // One poll a second at most (at the active interval it would be 100), plus a lease renewal.
    expect(polls).toBeLessThanOrEqual(6);
    expect(spent).toBeLessThanOrEqual(8);

    // Written by "another process": no nudge reaches this relay, only its safety poll.
    const probeId = `unannounced-${run}`;
    await writer
      .collection('quiet')
      .insertOne(newDocumentWithOutbox({ _id: probeId } as never, [probe(probeId)]));
    await waitFor('the safety poll to publish the unannounced document', () => arrived(probeId));
    // Counted once its entry is removed from the outbox, a moment after Kafka has it.
    await waitFor('the relay to count it', () => relay.metrics().publishedTotal === 1);
  });

  it('publishes a write through EventOutbox at once, however long the relay meant to sleep', async () => {
    const relay = startRelay('woken', { pollIntervalMs: 50, idlePollMaxMs: 120_000 });
    const options = { service, catalog: probeCatalog(topic), infrastructure: testInfrastructure() };
    const outbox = new EventOutbox(options as ResolvedEventPlatformOptions, relay, locks);
    const schema = new Schema({ _id: String }, { strict: false });
    schema.plugin(outboxPlugin);
    const model = writer.model(`Woken${run}`, schema, 'woken');

    // Idle long enough that the next safety poll is seconds away.
    const nextPoll = await waitFor('the relay to sleep for more than 3 s', () => {
      const at = relay.metrics().nextPollAt;
      return at !== null && at.getTime() - Date.now() > 3000 ? at : undefined;
    });
    const pollsBefore = relay.metrics().pollsTotal;

    const probeId = `woken-${run}`;
    await outbox.insert(model, { _id: probeId }, [probe(probeId)]);
    await waitFor('the woken relay to publish', () => arrived(probeId));
    const lastPublishedAt = await waitFor(
      'the relay to count it',
      () => relay.metrics().lastPublishedAt ?? undefined,
    );
    const { pollsTotal } = relay.metrics();
    // Published by the wake-up, before the poll the relay had scheduled. (After a poll that
    // found work the relay looks again at its busy interval, so the count may already be past 1.)
    expect(lastPublishedAt.getTime()).toBeLessThan(nextPoll.getTime());
    expect(pollsTotal - pollsBefore).toBeGreaterThanOrEqual(1);
  });
});
