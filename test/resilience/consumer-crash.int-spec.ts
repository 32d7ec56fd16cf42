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
import { isManaged, killComponent, startComponent } from '../support/stack-env';
import { passwordResetRequested } from '../integration/notifications/notifications-harness';
import { emailLog } from './support/email-log';
import { duplicatesIn, mailTo, NIGHTLY, printCounts, sleep } from './support/resilience-kit';

const EVENTS = NIGHTLY ? 150 : 30;

describe('a consumer killed in the middle of a batch (real stack)', () => {
  const harness = new OrderingHarness();
  const kafka = new KafkaTestClient();
  const tag = `fi-crash-${randomBytes(4).toString('hex')}`;

  beforeAll(() => harness.start(), 300_000);
  afterAll(() => kafka.close());

  it('mails every event exactly once after a SIGKILL and restart', async () => {
    if (!isManaged('notifications')) {
      console.warn('notifications is not run by the stack here: the crash is not simulated');
      return;
    }
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
    await sleep(3000); // a late second copy would show up now
    const mails = (await mailTo(tag)).flatMap((message) => message.to);
    const log = await emailLog(harness.gateway, harness.adminToken, tag);
    const emailed = new Set(mails).size;
    printCounts('consumer-crash', {
      sent: EVENTS,
      mailedBeforeKill,
      emailed,
      loggedSent: log.filter((item) => item.status === 'sent').length,
      duplicates: duplicatesIn(mails) + duplicatesIn(log.map((item) => item.messageId)),
      lost: recipients.filter((to) => !mails.includes(to)).length,
    });

    expect(mailedBeforeKill).toBeLessThan(EVENTS);
    expect(duplicatesIn(mails)).toBe(0);
    expect(emailed).toBe(EVENTS);
    expect(log.map((item) => item.status).sort()).toEqual(recipients.map(() => 'sent'));
  }, 420_000);
});
