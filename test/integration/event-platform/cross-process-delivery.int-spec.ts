/**
 * An event written together with a state change reaches a consumer running in another
 * process, carrying the HTTP request's correlation id through Kafka into the handler.
 */
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import mongoose, { Connection } from 'mongoose';
import request from 'supertest';
import { RunningChild, spawnTsx } from '../../support/event-platform/child-process';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { EFFECTS_COLLECTION, ProbeEffect } from '../../support/event-platform/probe-consumer.app';
import { databaseUri, probeTopic, runId } from '../../support/event-platform/probe-event';
import {
  PROBE_COLLECTION,
  ProbeDocument,
  probeProducerModule,
} from '../../support/event-platform/probe-producer.app';
import { waitFor } from '../../support/event-platform/wait-for';

const run = runId();
const topic = probeTopic(run);
const producerService = `ep-producer-${run}`;
const consumerService = `ep-consumer-${run}`;

describe('event delivery across processes', () => {
  let producerApp: INestApplication;
  let consumer: RunningChild;
  let consumerDb: Connection;
  let producerDb: Connection;
  const kafka = new KafkaTestClient();
  let published: SeenMessage[];

  beforeAll(async () => {
    producerApp = await NestFactory.create(
      probeProducerModule({ service: producerService, topic }),
      {
        logger: ['error', 'warn'],
      },
    );
    await producerApp.listen(0, '127.0.0.1');
    consumer = await spawnTsx(
      join(__dirname, '../../support/event-platform/probe-consumer.main.ts'),
      { PROBE_SERVICE: consumerService, PROBE_TOPIC: topic },
      'PROBE_CONSUMER_READY',
    );
    consumerDb = await mongoose.createConnection(databaseUri(consumerService)).asPromise();
    producerDb = await mongoose.createConnection(databaseUri(producerService)).asPromise();
    published = await kafka.collect([topic]);
  });

  afterAll(async () => {
    await consumer?.stop();
    await producerApp?.close();
    await kafka.close();
    await consumerDb?.dropDatabase().catch(() => undefined);
    await producerDb?.dropDatabase().catch(() => undefined);
    await consumerDb?.close();
    await producerDb?.close();
  });

  it('delivers each event once to the other process, in order, with the request correlation id', async () => {
    const correlationId = `itest-${run}`;
    const probeId = `probe-${run}`;
    const first = await request(producerApp.getHttpServer())
      .post('/probes')
      .set('x-correlation-id', correlationId)
      .send({ probeId, count: 3 })
      .expect(201);
    expect(first.headers['x-correlation-id']).toBe(correlationId);
    const second = await request(producerApp.getHttpServer())
      .post('/probes')
      .set('x-correlation-id', correlationId)
      .send({ probeId, count: 2 })
      .expect(201);
    const eventIds: string[] = [...first.body.eventIds, ...second.body.eventIds];

    const effects = await waitFor('the consumer process to handle 5 events', async () => {
      const found = await consumerDb
        .collection<ProbeEffect>(EFFECTS_COLLECTION)
        .find({ probeId })
        .toArray();
      return found.length >= 5 && found;
    });
    console.log(`sent ${eventIds.length}, handled by the other process: ${effects.length}`);

    expect(effects.map((effect) => effect.eventId).sort()).toEqual([...eventIds].sort());
    // ObjectIds made by one process increase, so they give the order of handling.
    const inHandlingOrder = [...effects].sort((a, b) => String(a._id).localeCompare(String(b._id)));
    expect(inHandlingOrder.map((effect) => effect.sequence)).toEqual([1, 2, 3, 4, 5]);
    for (const effect of effects) {
      expect(effect.contextCorrelationId).toBe(correlationId);
      expect(effect.contextCausationId).toBe(effect.eventId);
    }

    // The Kafka message itself carries key and tracing headers.
    const messages = await waitFor('the published messages', () => {
      const mine = published.filter((message) => message.key === probeId);
      return mine.length >= 5 && mine;
    });
    expect(messages.map((message) => message.headers['event-id'])).toEqual(eventIds);
    for (const message of messages) {
      expect(message.headers).toMatchObject({
        'correlation-id': correlationId,
        'event-type': 'PlatformProbeRecorded',
        'event-version': '1',
        'event-producer': producerService,
      });
      expect(JSON.parse(message.value ?? '{}')).toMatchObject({ key: probeId, correlationId });
    }

    // Nothing is left pending in the producer's document.
    const probe = await waitFor('the outbox to be emptied', async () => {
      const found = await producerDb
        .collection<ProbeDocument>(PROBE_COLLECTION)
        .findOne({ _id: probeId });
      return found && found.outbox.length === 0 ? found : undefined;
    });
    expect(probe.events).toBe(5);
    expect(probe.outboxSince).toBeUndefined();
  });

  it('gives a request without a correlation id a fresh one and echoes it', async () => {
    const probeId = `probe-nocorr-${run}`;
    const response = await request(producerApp.getHttpServer())
      .post('/probes')
      .send({ probeId })
      .expect(201);
    const generated = response.headers['x-correlation-id'];
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const [effect] = await waitFor('the handled event', async () => {
      const found = await consumerDb
        .collection<ProbeEffect>(EFFECTS_COLLECTION)
        .find({ probeId })
        .toArray();
      return found.length > 0 && found;
    });
    expect(effect.contextCorrelationId).toBe(generated);
  });
});
