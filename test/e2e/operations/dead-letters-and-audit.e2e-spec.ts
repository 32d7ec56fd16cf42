/**
 * The operations service against the real stack: a message notifications cannot parse is
 * parked, listed with its error, replayed once to its original topic (audited), and the
 * audit trail keeps a staff action once however often it is delivered. Through the gateway.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { StaffActionRecordedEvent, Topics } from '@metered/contracts';
import { createEnvelope, eventHeaders } from '@metered/event-platform';
import { LoginAnswer, pollUntil } from '../../../tools/stack/src/demo/gateway-client';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { OrderingHarness } from '../../support/ordering/ordering-harness';
import {
  DeadLetterView,
  publishPoison,
  staffUser,
  waitForAudit,
  waitForDeadLetter,
} from './operations-harness';

describe('operations: dead letters, replay and the audit trail', () => {
  const harness = new OrderingHarness();
  const kafka = new KafkaTestClient();
  let ops: LoginAnswer;
  let helpdesk: LoginAnswer;
  let customerToken: string;
  let orderTopic: SeenMessage[];

  beforeAll(async () => {
    await harness.start();
    [ops, helpdesk] = await Promise.all([staffUser(harness, ['ops']), harness.helpdeskAgent()]);
    customerToken = (await harness.customer(1)).token;
    orderTopic = await kafka.collect([Topics.OrderingOrder]);
  });

  afterAll(() => kafka.close());

  it('lists a poison message with its error, replays it once to its topic, and audits that', async () => {
    const poison = await publishPoison(kafka);
    const letter = await waitForDeadLetter(harness, ops.accessToken, poison.key);
    expect(letter).toMatchObject({
      originalTopic: Topics.OrderingOrder,
      consumerGroup: 'notifications',
      reason: 'malformed-json',
      status: 'parked',
      valueEncoding: 'base64',
    });
    expect(letter.error).toMatch(/not JSON/i);
    expect(Buffer.from(letter.value ?? '', 'base64')).toEqual(poison.bytes);
    expect(letter.headers).toContainEqual({ name: 'x-e2e-poison', value: poison.key });

    const replayed = await harness.gateway.expect<{ status: string }>(
      200,
      `/api/dead-letters/${letter.id}/replay`,
      { method: 'POST', token: ops.accessToken, body: {} },
    );
    expect(replayed.status).toBe('replayed');

    // The original bytes, key and headers are back on ordering.order.v1, marked as a replay.
    await pollUntil(
      async () => orderTopic.filter((m) => m.headers['x-replay-of'] === letter.id),
      (found) => found.length > 0,
      { timeoutMs: 20000, intervalMs: 250 },
    );
    const [again] = orderTopic.filter((m) => m.headers['x-replay-of'] === letter.id);
    expect(again.key).toBe(poison.key);
    expect(again.partition).toBe(letter.originalPartition);
    expect(again.headers).toMatchObject({
      'x-e2e-poison': poison.key,
      'x-replayed-by': ops.user.userId,
    });
    expect(Object.keys(again.headers).some((name) => name.startsWith('dlq-'))).toBe(false);

    // A second replay is refused; the list shows it replayed by the ops user.
    const twice = await harness.gateway.call(`/api/dead-letters/${letter.id}/replay`, {
      method: 'POST',
      token: ops.accessToken,
      body: {},
    });
    expect(twice.status).toBe(409);
    // (notifications parks the replayed bytes again: a new dead letter that says what it replays)
    const listed = await harness.gateway.expect<{ items: DeadLetterView[] }>(
      200,
      `/api/dead-letters?topic=${Topics.OrderingOrder}&limit=200`,
      { token: ops.accessToken },
    );
    expect(listed.items.find((item) => item.id === letter.id)).toMatchObject({
      status: 'replayed',
      replayedBy: { email: ops.user.email },
    });

    const audit = await waitForAudit(
      harness,
      harness.adminToken,
      `action=dead-letter.replayed&actor=${encodeURIComponent(ops.user.email)}`,
      (items) => items.some((item) => item.subject.id === letter.id),
    );
    const entries = audit.body.items.filter((item) => item.subject.id === letter.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      service: 'operations',
      action: 'dead-letter.replayed',
      actor: { userId: ops.user.userId, email: ops.user.email, roles: ['ops'] },
      subject: { type: 'dead-letter', id: letter.id },
    });
  });

  it('keeps a staff action once even when it is delivered twice', async () => {
    const accountId = randomUUID();
    const auditId = randomUUID();
    const payload = {
      auditId,
      service: 'ordering' as const,
      actor: {
        userId: helpdesk.user.userId,
        email: helpdesk.user.email,
        roles: ['helpdesk' as const],
      },
      action: 'order.released',
      subject: { type: 'order', id: randomUUID() },
      accountId,
      before: { status: 'held' },
      after: { status: 'placed' },
      reason: 'e2e',
      at: new Date().toISOString(),
    };
    const first = createEnvelope(StaffActionRecordedEvent, payload, { producer: 'ordering' });
    // The same event redelivered, and the same action re-published as a new event.
    const republished = createEnvelope(StaffActionRecordedEvent, payload, { producer: 'ordering' });
    const message = (envelope: typeof first) => ({
      key: envelope.key,
      value: JSON.stringify(envelope),
      headers: eventHeaders(envelope),
    });
    await kafka.produce(Topics.PlatformAudit, [
      message(first),
      message(first),
      message(republished),
    ]);

    await waitForAudit(harness, harness.adminToken, `accountId=${accountId}`, (items) =>
      items.some((item) => item.auditId === auditId),
    );
    // Give the later deliveries time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const audit = await harness.gateway.expect<{ items: { auditId: string }[] }>(
      200,
      `/api/audit?accountId=${accountId}`,
      { token: ops.accessToken },
    );
    expect(audit.items.map((item) => item.auditId)).toEqual([auditId]);
  });

  it('refuses customers and the helpdesk (403) and anonymous callers (401)', async () => {
    const paths: [string, 'GET' | 'POST'][] = [
      ['/api/audit', 'GET'],
      ['/api/dead-letters', 'GET'],
      ['/api/ops/overview', 'GET'],
      [`/api/dead-letters/${'0'.repeat(32)}/replay`, 'POST'],
    ];
    for (const [path, method] of paths) {
      for (const token of [customerToken, helpdesk.accessToken]) {
        const answer = await harness.gateway.call(path, {
          method,
          token,
          body: method === 'POST' ? {} : undefined,
        });
        expect({ path, status: answer.status }).toEqual({ path, status: 403 });
      }
      const anonymous = await harness.gateway.call(path, { method });
      expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
    }
  });

  it('gives ops the overview: every service ready with its version, lag and counts', async () => {
    const overview = await harness.gateway.expect<{
      services: { service: string; status: string; version: string | null }[];
      consumerLag: { available: boolean; partitions: { group: string }[] };
      deadLetters: { parked: number; replayed: number };
      outbox: { service: string }[];
    }>(200, '/api/ops/overview', { token: ops.accessToken });
    expect(overview.services.map((s) => s.service).sort()).toEqual([
      'gateway',
      'identity',
      'notifications',
      'operations',
      'ordering',
      'registry',
      'telemetry',
    ]);
    expect(overview.services.every((s) => s.status === 'up')).toBe(true);
    expect(overview.consumerLag.available).toBe(true);
    expect(overview.consumerLag.partitions.some((p) => p.group === 'notifications')).toBe(true);
    expect(overview.deadLetters.replayed).toBeGreaterThanOrEqual(1);
    expect(overview.outbox.map((o) => o.service)).toContain('ordering');
  });
});
