/**
 * Fault 4 — the SMTP server is down. A backlog of emails waits (queued, attempts and the
 * last error recorded, retried with growing pauses), nothing is marked sent that was not,
 * and the backlog drains — each email once — when SMTP returns. An email the server refuses
 * for good is marked failed with the server's reason in the delivery log.
 * (test/integration/notifications/smtp-outage covers one email and its EmailSent event.)
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Server } from 'node:net';
import { PasswordResetRequestedEvent } from '@metered/contracts';
import { KafkaTestClient } from '../support/event-platform/kafka-test-client';
import { waitFor } from '../support/event-platform/wait-for';
import { OrderingHarness } from '../support/ordering/ordering-harness';
import { startComponent, stopComponent, testStackEnv } from '../support/stack-env';
import { passwordResetRequested } from '../integration/notifications/notifications-harness';
import { emailLog } from './support/email-log';
import { duplicatesIn, mailTo, NIGHTLY, printCounts, sleep } from './support/resilience-kit';
import { startRejectingSmtp, stopServer } from './support/rejecting-smtp';
import { itWhenManaged } from '../support/managed-only';

const BACKLOG = NIGHTLY ? 60 : 12;
const DOWN_FOR_MS = NIGHTLY ? 45_000 : 8_000;

describe('SMTP outage (real stack)', () => {
  const harness = new OrderingHarness();
  const kafka = new KafkaTestClient();
  const tag = `fi-smtp-${randomBytes(4).toString('hex')}`;

  beforeAll(() => harness.start(), 300_000);
  afterAll(() => kafka.close());

  const publishTo = (recipients: string[]) =>
    kafka.produce(
      PasswordResetRequestedEvent.topic,
      recipients.map((to) => {
        const event = passwordResetRequested(to);
        return { key: event.key, value: JSON.stringify(event) };
      }),
    );
  const log = (part = tag) => emailLog(harness.gateway, harness.adminToken, part);

  itWhenManaged(
    ['mailpit'],
    'queues and retries while SMTP is down, drains the backlog once it is back, fails refused mail visibly',
    async () => {
      const smtpPort = Number(new URL(testStackEnv().SMTP_URL).port);
      const bounced = `${tag}-bounce@example.com`;
      const backlog = Array.from({ length: BACKLOG }, (_, i) => `${tag}-${i}@example.com`);
      let rejecting: Server | undefined;
      let during: Awaited<ReturnType<typeof log>> = [];
      await stopComponent('mailpit');
      try {
        // A server that answers 550: permanent, so no retries.
        rejecting = await startRejectingSmtp(smtpPort);
        await publishTo([bounced]);
        const failed = await waitFor(
          'the refused email marked failed',
          async () => (await log(bounced)).find((item) => item.status === 'failed'),
          60_000,
          500,
        );
        expect(failed.lastError).toMatch(/550/);
        expect(failed.attempts).toBe(1);
        await stopServer(rejecting);
        rejecting = undefined;

        // Nothing listens: the backlog waits.
        await publishTo(backlog);
        await sleep(DOWN_FOR_MS);
        during = (await log()).filter((item) => item.to !== bounced);
      } finally {
        if (rejecting) await stopServer(rejecting);
        await startComponent('mailpit');
      }
      const backAt = Date.now();
      await waitFor(
        `all ${BACKLOG} emails delivered`,
        async () => new Set((await mailTo(tag)).flatMap((m) => m.to)).size >= BACKLOG,
        120_000,
        1000,
      );
      const drainedMs = Date.now() - backAt;
      await sleep(2000);
      const mails = (await mailTo(tag)).flatMap((message) => message.to);
      const after = (await log()).filter((item) => item.to !== bounced);
      const maxAttempts = Math.max(...during.map((item) => item.attempts));
      printCounts('smtp-outage', {
        sent: BACKLOG + 1,
        queuedDuringOutage: during.filter((item) => item.status === 'queued').length,
        markedSentDuringOutage: during.filter((item) => item.status === 'sent').length,
        maxAttemptsDuringOutage: maxAttempts,
        drainedAfterMs: drainedMs,
        emailed: new Set(mails).size,
        failedPermanently: (await log(bounced)).filter((item) => item.status === 'failed').length,
        duplicates: duplicatesIn(mails),
        lost: backlog.filter((to) => !mails.includes(to)).length,
      });

      expect(during).toHaveLength(BACKLOG);
      for (const item of during) {
        expect(item.status).toMatch(/^(queued|sending)$/);
        if (item.attempts > 0) expect(item.lastError).toBeTruthy();
      }
      // Backoff: a dozen seconds down is a handful of attempts, not one per poll.
      expect(maxAttempts).toBeGreaterThan(0);
      expect(maxAttempts).toBeLessThanOrEqual(NIGHTLY ? 8 : 5);
      expect(mails.includes(bounced)).toBe(false);
      expect(duplicatesIn(mails)).toBe(0);
      expect(new Set(mails).size).toBe(BACKLOG);
      expect(after.map((item) => item.status)).toEqual(backlog.map(() => 'sent'));
    },
    420_000,
  );
});
