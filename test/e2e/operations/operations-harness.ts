/**
 * Shared steps of the operations suites: an ops user, a poison message a real consumer
 * parks, and waiting for what the operations service made of it.
 */
import { randomBytes } from 'node:crypto';
import { Topics } from '@metered/contracts';
import { ApiAnswer, LoginAnswer, pollUntil } from '../../../tools/stack/src/demo/gateway-client';
import { KafkaTestClient } from '../../support/event-platform/kafka-test-client';
import { OrderingHarness, PASSWORD } from '../../support/ordering/ordering-harness';

export interface DeadLetterView {
  id: string;
  originalTopic: string | null;
  originalPartition: number | null;
  originalOffset: string | null;
  key: string | null;
  value: string | null;
  valueEncoding: 'utf8' | 'base64';
  headers: { name: string; value: string }[];
  reason: string;
  error: string;
  consumerGroup: string;
  status: string;
  replayedBy?: { userId: string; email: string };
}

export interface AuditView {
  auditId: string;
  service: string;
  actor: { userId: string; email: string; roles: string[] };
  action: string;
  subject: { type: string; id: string };
  accountId?: string;
  after?: Record<string, unknown>;
}

/** A staff user with the given roles, password set from the emailed link, signed in. */
export async function staffUser(harness: OrderingHarness, roles: string[]): Promise<LoginAnswer> {
  const email = `${roles[0]}.${randomBytes(4).toString('hex')}@ops.e2e.example.com`;
  await harness.gateway.expect(201, '/api/users', {
    token: harness.adminToken,
    body: { email, name: 'Olga Ops', roles, country: 'US' },
  });
  await harness.flow.setPasswordFromEmail(email, PASSWORD);
  return harness.login(email, PASSWORD);
}

/** Bytes that are not JSON, keyed uniquely, on a topic notifications consumes: it parks them. */
export async function publishPoison(
  kafka: KafkaTestClient,
): Promise<{ key: string; bytes: Buffer }> {
  const key = `POISON${randomBytes(5).toString('hex').toUpperCase()}`;
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(` not json ${key}`)]);
  await kafka.produce(Topics.OrderingOrder, [
    { key, value: bytes, headers: { 'x-e2e-poison': key } },
  ]);
  return { key, bytes };
}

/** Waits until the operations service lists notifications' dead letter of that key. */
export async function waitForDeadLetter(
  harness: OrderingHarness,
  token: string,
  key: string,
): Promise<DeadLetterView> {
  const answer = await pollUntil(
    () =>
      harness.gateway.call<{ items: DeadLetterView[] }>(
        `/api/dead-letters?topic=${Topics.OrderingOrder}&limit=200`,
        { token },
      ),
    (a) =>
      a.status === 200 &&
      a.body.items.some((item) => item.key === key && item.consumerGroup === 'notifications'),
    { timeoutMs: 45000, intervalMs: 500 },
  );
  return answer.body.items.find(
    (item) => item.key === key && item.consumerGroup === 'notifications',
  ) as DeadLetterView;
}

/** Polls GET /api/audit until `done` holds for the items of that query. */
export function waitForAudit(
  harness: OrderingHarness,
  token: string,
  query: string,
  done: (items: AuditView[]) => boolean,
): Promise<ApiAnswer<{ items: AuditView[] }>> {
  return pollUntil(
    () => harness.gateway.call<{ items: AuditView[] }>(`/api/audit?${query}`, { token }),
    (a) => a.status === 200 && done(a.body.items),
    { timeoutMs: 30000, intervalMs: 500 },
  );
}
