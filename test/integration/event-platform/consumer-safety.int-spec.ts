/**
 * The consuming edge against real Kafka and FerretDB: a duplicated delivery has one effect;
 * poison messages and events whose handler keeps failing are parked on the dead-letter
 * topic with the reason, and the consumer keeps going with the next good message.
 */
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import mongoose, { Connection } from 'mongoose';
import { createEnvelope, deadLetterTopic, startEventConsumer } from '@metered/event-platform';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import {
  EFFECTS_COLLECTION,
  ProbeEffect,
  ProbeNotes,
  probeConsumerModule,
} from '../../support/event-platform/probe-consumer.app';
import {
  databaseUri,
  kafkaBrokers,
  probeEventOn,
  probeTopic,
  runId,
} from '../../support/event-platform/probe-event';
import { waitFor } from '../../support/event-platform/wait-for';

const run = runId();
const topic = probeTopic(run);
const service = `ep-safety-${run}`;
const dlqTopic = deadLetterTopic(service);
const probeEvent = probeEventOn(topic);

function envelopeFor(probeId: string, sequence: number, note?: string) {
  return createEnvelope(probeEvent, { probeId, sequence, note }, { producer: 'integration-test' });
}

describe('consuming safely', () => {
  let app: INestApplication;
  let db: Connection;
  const kafka = new KafkaTestClient();
  let deadLetters: SeenMessage[];

  const effectsOf = (probeId: string) =>
    db.collection<ProbeEffect>(EFFECTS_COLLECTION).find({ probeId }).toArray();
  const deadLettersFor = (key: string) => deadLetters.filter((message) => message.key === key);

  beforeAll(async () => {
    app = await NestFactory.create(
      probeConsumerModule({
        service,
        topic,
        consumer: { maxAttempts: 4, backoff: { initialMs: 50, maxMs: 400 } },
      }),
      { logger: ['error'] },
    );
    await startEventConsumer(app, service, { kafkaBrokers: kafkaBrokers() });
    db = await mongoose.createConnection(databaseUri(service)).asPromise();
    deadLetters = await kafka.collect([dlqTopic]);
  });

  afterAll(async () => {
    await app?.close();
    await kafka.close();
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
  });

  it('has one effect for an event delivered twice', async () => {
    const probeId = `dup-${run}`;
    const envelope = envelopeFor(probeId, 1);
    const value = JSON.stringify(envelope);
    await kafka.produce(topic, [{ key: probeId, value }]);
    await kafka.produce(topic, [{ key: probeId, value }]);
    // A later event of the same key proves both copies were consumed before we count.
    const marker = envelopeFor(probeId, 2);
    await kafka.produce(topic, [{ key: probeId, value: JSON.stringify(marker) }]);
    const effects = await waitFor('the marker event', async () => {
      const found = await effectsOf(probeId);
      return found.some((effect) => effect.eventId === marker.eventId) && found;
    });
    const copies = effects.filter((effect) => effect.eventId === envelope.eventId).length;
    console.log(`sent the same event 2 times; effects: ${copies}`);
    expect(copies).toBe(1);
    expect(effects).toHaveLength(2);
  });

  it('parks poison messages with their reason and still handles the next good one', async () => {
    const key = `poison-${run}`;
    const unknownType = { ...envelopeFor(key, 1), type: 'PlatformProbeVanished' };
    const badPayload = { ...envelopeFor(key, 1), payload: { probeId: key, sequence: 'first' } };
    const good = envelopeFor(key, 2);
    const notUtf8 = Buffer.from([0xff, 0xfe, 0x7b]);
    await kafka.produce(topic, [
      { key, value: 'this is not JSON', headers: { 'correlation-id': `poison-${run}` } },
      { key, value: notUtf8 },
      { key, value: JSON.stringify(unknownType) },
      { key, value: JSON.stringify(badPayload) },
      { key, value: JSON.stringify(good) },
    ]);
    const effects = await waitFor('the good message after the poison', async () => {
      const found = await effectsOf(key);
      return found.length > 0 && found;
    });
    expect(effects.map((effect) => effect.eventId)).toEqual([good.eventId]);

    const parked = await waitFor(
      '4 dead letters',
      () => deadLettersFor(key).length >= 4 && deadLettersFor(key),
    );
    console.log(
      `sent 5 (4 poison + 1 good); handled ${effects.length}; dead-lettered ${parked.length}`,
    );
    expect(parked.map((message) => message.headers['dlq-reason'])).toEqual([
      'malformed-json',
      'malformed-json',
      'unknown-event',
      'invalid-payload',
    ]);
    const [notJson, binary, unknown, invalid] = parked;
    expect(notJson.value).toBe('this is not JSON');
    expect(notJson.headers).toMatchObject({
      'correlation-id': `poison-${run}`,
      'dlq-original-topic': topic,
      'dlq-consumer-group': service,
      'dlq-attempts': '0',
      'dlq-value-encoding': 'utf8',
    });
    expect(Number(notJson.headers['dlq-original-offset'])).toBeGreaterThanOrEqual(0);
    expect(new Date(notJson.headers['dlq-failed-at']).getTime()).toBeGreaterThan(
      Date.now() - 60000,
    );
    expect(binary.headers['dlq-value-encoding']).toBe('base64');
    expect(Buffer.from(binary.value ?? '', 'base64')).toEqual(notUtf8);
    expect(unknown.headers['dlq-error']).toMatch(/PlatformProbeVanished version 1/);
    expect(invalid.headers['dlq-error']).toMatch(/payload.sequence/);
    expect(JSON.parse(invalid.value ?? '{}')).toEqual(badPayload);
  });

  it('retries a failing handler, then parks the event with the error, and moves on', async () => {
    const key = `failing-${run}`;
    const doomed = envelopeFor(key, 1, ProbeNotes.alwaysFail);
    const flaky = envelopeFor(key, 2, ProbeNotes.failTwice);
    const next = envelopeFor(key, 3);
    await kafka.produce(
      topic,
      [doomed, flaky, next].map((envelope) => ({ key, value: JSON.stringify(envelope) })),
    );
    const effects = await waitFor('the events after the failing one', async () => {
      const found = await effectsOf(key);
      return found.length >= 2 && found;
    });
    expect(effects.map((effect) => effect.sequence).sort()).toEqual([2, 3]);
    const [parked] = await waitFor(
      'the dead letter',
      () => deadLettersFor(key).length > 0 && deadLettersFor(key),
    );
    console.log(
      `sent 3 (1 always failing, 1 failing twice); handled ${effects.length}; dead-lettered 1`,
    );
    expect(parked.headers).toMatchObject({
      'dlq-reason': 'handler-failed',
      'dlq-attempts': '4',
      'dlq-error': `probe ${key} refused on purpose`,
      'dlq-original-topic': topic,
    });
    expect(JSON.parse(parked.value ?? '{}').eventId).toBe(doomed.eventId);
    // A parked event is not marked as processed: replaying it after a fix will run it.
    const inbox = await db.collection('processed_events').findOne({ eventId: doomed.eventId });
    expect(inbox).toBeNull();
  });
});
