/**
 * Fault 2 — a consumer service (notifications) is killed with SIGKILL while it works through
 * a batch of events, then started again. Counted: every event became exactly one email (none
 * skipped, none doubled) and the delivery log shows each as sent.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { PasswordResetRequestedEvent } from '@metered/contracts';
import { KafkaTestClient } from '../support/event-platform/kafka-test-client';
import { waitFor } from '../support/event-platform/wait-for';
import { OrderingHarness } from '../support/ordering/ordering-harness';
import { killComponent, startComponent } from '../support/stack-env';
import { passwordResetRequested } from '../integration/notifications/notifications-harness';
import { emailLog } from './support/email-log';
import { duplicatesIn, mailTo, NIGHTLY, printCounts, sleep } from './support/resilience-kit';
import { itWhenManaged } from '../support/managed-only';

const EVENTS = NIGHTLY ? 150 : 30;

describe('a consumer killed in the middle of a batch (real stack)', () => {
  const harness = new OrderingHarness();
  const kafka = new KafkaTestClient();
  const tag = `fi-crash-${randomBytes(4).toString('hex')}`;

  beforeAll(() => harness.start(), 300_000);
  afterAll(() => kafka.close());

  itWhenManaged(
    ['notifications'],
    'mails every event exactly once after a SIGKILL and restart',
    async () => {
      const recipients = Array.from({ length: EVENTS }, (_, i) => `${tag}-${i}@example.com`);
      const events = recipients.map((to) => passwordResetRequested(to));
      const produce = (from: number, to: number) =>
        kafka.produce(
          PasswordResetRequestedEvent.topic,
          events.slice(from, to).map((event) => ({ key: event.key, value: JSON.stringify(event) })),
        );
      const firstBatch = Math.ceil(EVENTS / 2);
      let mailedBeforeKill = 0;
      let killed = false;
      try {
        await produce(0, firstBatch);
        // Kill as soon as the service is visibly in the middle of the batch.
        mailedBeforeKill = await waitFor(
          'the first emails of the batch',
          async () => {
            const count = (await mailTo(tag)).length;
            return count > 0 && count;
          },
          60_000,
          50,
        );
        await killComponent('notifications');
        killed = true;
        await produce(firstBatch, EVENTS); // arrives while nobody consumes
        await sleep(2000);
      } finally {
        if (killed) await startComponent('notifications');
      }

      await waitFor(
        `emails to all ${EVENTS} recipients`,
        async () => new Set((await mailTo(tag)).flatMap((m) => m.to)).size >= EVENTS,
        150_000,
        1000,
      );
      await sleep(2000); // a late second copy would show up now
      // The email in SMTP hand-over when the process died stays `sending` until its claim
      // expires (1 min when inserted claimed, 2 min when claimed by a poll); then it is sent again with the same Message-ID, which receiving servers
      // use to drop the copy (at-least-once delivery). The nightly run waits for that.
      if (NIGHTLY) {
        await waitFor(
          'every email marked sent (claims of the killed process expire after 2 min)',
          async () =>
            (await emailLog(harness.gateway, harness.adminToken, tag)).every(
              (item) => item.status === 'sent',
            ),
          200_000,
          2000,
        );
        await sleep(2000);
      }
      const messages = await mailTo(tag);
      const mails = messages.flatMap((message) => message.to);
      const log = await emailLog(harness.gateway, harness.adminToken, tag);
      const emailed = new Set(mails).size;
      const inFlight = log.filter((item) => item.status === 'sending').length;
      printCounts('consumer-crash', {
        sent: EVENTS,
        mailedBeforeKill,
        emailed,
        loggedSent: log.filter((item) => item.status === 'sent').length,
        inFlightAtKill: inFlight,
        resentSameMessageId: messages.length - new Set(messages.map((m) => m.messageId)).size,
        duplicates:
          new Set(messages.map((m) => m.messageId)).size -
          emailed +
          duplicatesIn(log.map((item) => item.messageId)),
        lost: recipients.filter((to) => !mails.includes(to)).length,
      });

      expect(mailedBeforeKill).toBeLessThan(EVENTS);
      expect(emailed).toBe(EVENTS);
      // One Message-ID per recipient: nothing was sent as two different emails.
      expect(new Set(messages.map((m) => m.messageId)).size).toBe(EVENTS);
      expect(log).toHaveLength(EVENTS);
      // At most the emails in hand-over when the process died (the sender holds up to
      // EMAIL_SEND_CONCURRENCY = 8 claimed emails at once, inserted claimed or claimed by a
      // poll) wait for their claims to expire.
      expect(inFlight).toBeLessThanOrEqual(8);
      for (const item of log) expect(item.status).toMatch(/^(sent|sending)$/);
    },
    420_000,
  );
});
