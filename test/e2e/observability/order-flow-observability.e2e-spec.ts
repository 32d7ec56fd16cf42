/**
 * Observability of one real order through the real stack: the caller's X-Correlation-Id
 * follows it from the gateway into OrderPlaced's Kafka headers, into notifications' handling
 * and the email's record, event and log line; and the Prometheus metrics move with it. The
 * outside consumer of examples/helpdesk-consumer reads the same order with its own group.
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mongo } from 'mongoose';
import { Topics } from '@metered/contracts';
import { ServiceName } from '@metered/service-kit';
import { resolveStackPaths } from '../../../tools/stack/src/paths';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';
import { uniqueTag } from '../../support/registration/master-data.fixture';
import { Customer, OrderingHarness, simpleOrder } from '../../support/ordering/ordering-harness';
import { appUrl, testStackEnv } from '../../support/stack-env';
import { sampleValue, scrape, Sample } from './prometheus-text';

interface LogLine {
  service?: string;
  correlationId?: string;
  eventId?: string;
  msg?: string;
}

function logLines(service: ServiceName): LogLine[] {
  const file = join(resolveStackPaths().logsDir, `${service}.log`);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        return {};
      }
    });
}

describe('observability of one order (real stack)', () => {
  const harness = new OrderingHarness();
  const kafka = new KafkaTestClient();
  const correlationId = `obs-${uniqueTag(10).toLowerCase()}`;
  let seen: SeenMessage[];
  let customer: Customer;
  let before: Partial<Record<ServiceName, Sample[]>>;
  let orderId: string;
  let placed: SeenMessage;
  let helpdesk: ChildProcess;
  const helpdeskLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    await harness.start();
    seen = await kafka.collect([Topics.OrderingOrder, Topics.NotificationsEmail]);
    customer = await harness.customer(1);
    helpdesk = startHelpdeskConsumer(helpdeskLines);
    before = {
      gateway: await scrape(harness.gateway.baseUrl),
      ordering: await scrape(url('ordering')),
      notifications: await scrape(url('notifications')),
    };
    const answer = await harness.gateway.call<{ orderId: string }>('/api/orders', {
      token: customer.token,
      body: simpleOrder(customer),
      headers: { 'X-Correlation-Id': correlationId },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-correlation-id')).toBe(correlationId);
    orderId = answer.body.orderId;
    placed = await waitFor(
      'OrderPlaced of the order',
      () =>
        seen.find((m) => m.headers['event-type'] === 'OrderPlaced' && m.value?.includes(orderId)),
      30_000,
    );
  }, 600_000);

  afterAll(async () => {
    helpdesk?.kill('SIGTERM');
    await kafka.close();
  });

  const url = (service: ServiceName) => appUrl(service);

  it('carries the caller`s correlation id in OrderPlaced`s Kafka headers and envelope', () => {
    expect(placed.headers['correlation-id']).toBe(correlationId);
    expect(JSON.parse(placed.value ?? '{}').correlationId).toBe(correlationId);
  });

  it('reaches the confirmation email: its record, its EmailSent event and its log line', async () => {
    const orderEventId = placed.headers['event-id'];
    const client = await mongo.MongoClient.connect(testStackEnv().MONGO_URL);
    try {
      const emails = client
        .db(`${testStackEnv().MONGO_DB_PREFIX}_notifications`)
        .collection('emails');
      const email = await waitFor(
        'the confirmation email sent',
        async () => (await emails.findOne({ correlationId, status: 'sent' })) ?? undefined,
        45_000,
      );
      expect(email).toMatchObject({ correlationId, causationEventId: orderEventId });
    } finally {
      await client.close();
    }
    const sent = await waitFor(
      'EmailSent of the flow',
      () =>
        seen.find(
          (m) =>
            m.headers['event-type'] === 'EmailSent' &&
            m.headers['correlation-id'] === correlationId,
        ),
      30_000,
    );
    expect(sent.headers['causation-id']).toBe(orderEventId);
    const line = await waitFor(
      'a notifications log line of the delivery',
      () =>
        logLines('notifications').find(
          (l) => l.correlationId === correlationId && /sent to the SMTP server/.test(l.msg ?? ''),
        ),
      15_000,
    );
    expect(line).toMatchObject({ service: 'notifications', eventId: orderEventId });
    // The HTTP side: ordering's request line names the same correlation id.
    expect(
      logLines('ordering').some(
        (l) => l.service === 'ordering' && l.correlationId === correlationId,
      ),
    ).toBe(true);
  });

  it('reaches the example helpdesk consumer (own group) with the same correlation id', async () => {
    const line = await waitFor(
      'the helpdesk consumer to print the order',
      () => helpdeskLines.find((l) => l.event === 'OrderPlaced' && l.orderId === orderId),
      30_000,
    );
    expect(line).toMatchObject({
      correlationId,
      eventId: placed.headers['event-id'],
      serial: simpleOrder(customer).serial,
      status: 'placed',
    });
  });

  it('moves the metrics: published, consumed, HTTP histograms', async () => {
    const published = { topic: Topics.OrderingOrder, type: 'OrderPlaced' };
    const consumed = {
      group: 'notifications',
      topic: Topics.OrderingOrder,
      type: 'OrderPlaced',
      outcome: 'handled',
    };
    const after = await waitFor(
      'notifications to count the OrderPlaced as handled',
      async () => {
        const now = await scrape(url('notifications'));
        return (
          sampleValue(now, 'events_consumed_total', consumed) >
            sampleValue(before.notifications ?? [], 'events_consumed_total', consumed) && now
        );
      },
      30_000,
    );
    expect(sampleValue(after, 'emails_sent_total')).toBeGreaterThanOrEqual(0);
    const ordering = await scrape(url('ordering'));
    expect(sampleValue(ordering, 'events_published_total', published)).toBeGreaterThan(
      sampleValue(before.ordering ?? [], 'events_published_total', published),
    );
    const orderingPost = { method: 'POST', route: '/orders', status: '201' };
    expect(
      sampleValue(ordering, 'http_request_duration_seconds_count', orderingPost),
    ).toBeGreaterThan(
      sampleValue(before.ordering ?? [], 'http_request_duration_seconds_count', orderingPost),
    );
    const gateway = await scrape(harness.gateway.baseUrl);
    const gatewayPost = { method: 'POST', route: '/api/orders/*', status: '201' };
    expect(
      sampleValue(gateway, 'http_request_duration_seconds_count', gatewayPost),
    ).toBeGreaterThan(
      sampleValue(before.gateway ?? [], 'http_request_duration_seconds_count', gatewayPost),
    );
    // The public API does not route to any service's metrics.
    expect((await fetch(`${harness.gateway.baseUrl}/api/metrics`)).status).toBe(404);
    // Nor does the gateway's own /metrics answer what came through an ingress or proxy.
    const viaIngress = await fetch(`${harness.gateway.baseUrl}/metrics`, {
      headers: { 'X-Forwarded-For': '203.0.113.9' },
    });
    expect(viaIngress.status).toBe(404);
    // Ids never become labels: no route label holds the order id.
    expect(ordering.some((s) => (s.labels.route ?? '').includes(orderId))).toBe(false);
    for (const service of ['ordering', 'notifications'] as const) {
      const samples = service === 'ordering' ? ordering : after;
      expect(sampleValue(samples, 'service_info', { service })).toBe(1);
      expect(sampleValue(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(samples.some((s) => s.name === 'outbox_oldest_pending_age_seconds')).toBe(true);
    }
    expect(ordering.some((s) => s.name === 'outbox_pending_events' && s.labels.collection)).toBe(
      true,
    );
    // Lag is asked of Kafka at most every 15 s, at scrape time.
    const lag = await waitFor(
      'kafka_consumer_lag of the notifications group',
      async () =>
        (await scrape(url('notifications'))).find(
          (s) => s.name === 'kafka_consumer_lag' && s.labels.topic === Topics.OrderingOrder,
        ),
      20_000,
      1000,
    );
    expect(lag.labels).toMatchObject({ group: 'notifications', partition: expect.any(String) });
    expect(lag.value).toBeGreaterThanOrEqual(0);
  });
});

/** The example consumer as its README runs it, with a group of its own for this run. */
function startHelpdeskConsumer(lines: Record<string, unknown>[]): ChildProcess {
  const child = spawn(process.execPath, ['examples/helpdesk-consumer/helpdesk-consumer.mjs'], {
    cwd: join(__dirname, '../../..'),
    env: {
      ...process.env,
      KAFKA_BROKERS: testStackEnv().KAFKA_BROKERS,
      GROUP_ID: `helpdesk-system-test-${uniqueTag(8).toLowerCase()}`,
      // A new group reading from the oldest event: no race with the order placed below.
      FROM_BEGINNING: 'true',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let rest = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString('utf8');
    const complete = text.split('\n');
    rest = complete.pop() ?? '';
    for (const line of complete) if (line.trim()) lines.push(JSON.parse(line));
  });
  return child;
}
