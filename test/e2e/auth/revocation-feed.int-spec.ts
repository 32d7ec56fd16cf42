/**
 * Each replica's memory of checked sessions (libs/auth/src/revocation/revocation-feed.ts) on
 * the real Kafka and FerretDB: two "replicas" of one service, each with its own feed of
 * identity.session.v1. A session looked up once is answered from memory (no database read),
 * and a revocation reaches both replicas' next check from the topic alone — before (or
 * without) the service's consumer writing it to `revoked_sessions`. A `SessionStarted` on the
 * topic tells both replicas the session is genuine, so neither asks identity about it.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';
import { Kafka, logLevel } from 'kafkajs';
import { SessionRevokedEvent, SessionStartedEvent, Topics } from '@metered/contracts';
import {
  createEnvelope,
  eventHeaders,
  type ResolvedEventPlatformOptions,
} from '@metered/event-platform';
import {
  IssuedSessions,
  resolveAuthSettings,
  RevocationFeed,
  RevokedSessionsStore,
} from '@metered/auth';
import { KafkaTestClient } from '../../support/event-platform/kafka-test-client';
import { databaseUri, kafkaBrokers, runId } from '../../support/event-platform/probe-event';
import { waitFor } from '../../support/event-platform/wait-for';

const service = `session-feed-${runId()}`;

/** The service group has handled everything on the topic so far (a running service's state). */
async function serviceGroupAtEnd(): Promise<void> {
  const kafka = new Kafka({
    clientId: 'revocation-feed-test',
    brokers: kafkaBrokers(),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic: Topics.IdentitySession, numPartitions: 3 }] });
    const ends = await admin.fetchTopicOffsets(Topics.IdentitySession);
    await admin.setOffsets({
      groupId: service,
      topic: Topics.IdentitySession,
      partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
    });
  } finally {
    await admin.disconnect();
  }
}

describe('session checks answered from each replica’s memory, fed by identity.session.v1', () => {
  const kafka = new KafkaTestClient();
  let connection: Connection;
  const finds: string[] = [];
  const feeds: RevocationFeed[] = [];
  const stores: RevokedSessionsStore[] = [];
  const issued: IssuedSessions[] = [];

  beforeAll(async () => {
    await serviceGroupAtEnd();
    connection = await mongoose
      .createConnection(databaseUri(service), { monitorCommands: true })
      .asPromise();
    connection.getClient().on('commandStarted', (event) => {
      if (event.commandName === 'find') finds.push(String(event.command.find));
    });
    const platform = {
      service,
      infrastructure: { kafkaBrokers: kafkaBrokers() },
    } as unknown as ResolvedEventPlatformOptions;
    for (let replica = 0; replica < 2; replica++) {
      // Nothing answers at this address: a lookup would fail the test with 503.
      const settings = resolveAuthSettings({ sessionLookupUrl: 'http://127.0.0.1:9/auth/session' });
      issued.push(new IssuedSessions(settings));
      const feed = new RevocationFeed(settings, platform, issued[replica]);
      feed.onApplicationBootstrap();
      feeds.push(feed);
      stores.push(new RevokedSessionsStore(connection, feed));
    }
    await waitFor('both feeds live', () => feeds.every((feed) => feed.live), 90_000);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(feeds.map((feed) => feed.onApplicationShutdown()));
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await kafka.close();
  });

  it('reads the database once per session and replica, then answers from memory', async () => {
    const sessionId = randomUUID();
    finds.length = 0;
    for (const store of stores) {
      expect(await store.isRevoked(sessionId)).toBe(false);
      expect(await store.isRevoked(sessionId)).toBe(false);
      expect(await store.isRevoked(sessionId)).toBe(false);
    }
    expect(finds).toEqual(['revoked_sessions', 'revoked_sessions']);
  });

  it('refuses a session in both replicas once its revocation is on the topic', async () => {
    const sessionId = randomUUID();
    for (const store of stores) expect(await store.isRevoked(sessionId)).toBe(false);
    const envelope = createEnvelope(
      SessionRevokedEvent,
      {
        sessionId,
        userId: randomUUID(),
        reason: 'logout',
        revokedAt: new Date().toISOString(),
        accessTokensExpireBy: new Date(Date.now() + 15 * 60_000).toISOString(),
      },
      { producer: 'revocation-feed-test' },
    );
    await kafka.produce(Topics.IdentitySession, [
      { key: envelope.key, value: JSON.stringify(envelope), headers: eventHeaders(envelope) },
    ]);
    // Nobody writes revoked_sessions here: only the feeds can tell the replicas.
    for (const store of stores) {
      await waitFor('the revocation reaches the replica', () => store.isRevoked(sessionId), 30_000);
    }
    expect(await connection.collection('revoked_sessions').countDocuments({})).toBe(0);
  });

  it('knows a session is genuine in both replicas once SessionStarted is on the topic', async () => {
    const sessionId = randomUUID();
    const envelope = createEnvelope(
      SessionStartedEvent,
      { sessionId, userId: randomUUID(), startedAt: new Date().toISOString() },
      { producer: 'revocation-feed-test' },
    );
    await kafka.produce(Topics.IdentitySession, [
      { key: envelope.key, value: JSON.stringify(envelope), headers: eventHeaders(envelope) },
    ]);
    for (const replica of issued) {
      await waitFor('the start reaches the replica', () => replica.knows(sessionId), 30_000);
      expect(await replica.verdict(sessionId, 'not-needed')).toBe('issued');
      expect(replica.stats.lookups).toBe(0);
    }
  });
});
