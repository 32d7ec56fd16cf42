/**
 * SMTP down ⇒ nothing lost: with the stack's Mailpit stopped, an email is accepted from
 * Kafka and waits in the queue (attempts counted, the error recorded); once Mailpit is back
 * it is delivered and EmailSent is published.
 */
import 'reflect-metadata';
import type { Connection } from 'mongoose';
import { PasswordResetRequestedEvent, Topics } from '@metered/contracts';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';
import { startComponent, stopComponent, useApps } from '../../support/stack-env';
import {
  mailCapture,
  notificationsDatabase,
  linkOf,
  passwordResetRequested,
  publish,
  storedEmail,
  uniqueEmail,
} from './notifications-harness';
import { itWhenManaged } from '../../support/managed-only';

describe('email delivery while the SMTP server is down', () => {
  const kafka = new KafkaTestClient();
  const mail = mailCapture();
  let emailEvents: SeenMessage[];
  let db: Connection;

  beforeAll(async () => {
    await useApps(['notifications']);
    db = await notificationsDatabase();
    emailEvents = await kafka.collect([Topics.NotificationsEmail]);
  });

  afterAll(async () => {
    await kafka.close();
    await db?.close();
  });

  itWhenManaged(
    ['mailpit'],
    'keeps the email queued during the outage and sends it once SMTP is back',
    async () => {
      const email = uniqueEmail('outage');
      const event = passwordResetRequested(email);
      const messageId = `password-reset:${event.eventId}`;
      await stopComponent('mailpit');
      try {
        await publish(kafka, event, PasswordResetRequestedEvent);
        const waiting = await waitFor(
          'a failed attempt',
          async () => {
            const stored = await storedEmail(db, messageId);
            // undefined, not null, keeps waitFor polling.
            return stored && stored.attempts > 0 && stored.status === 'queued' ? stored : undefined;
          },
          30000,
          200,
        );
        expect(waiting.lastError).toBeTruthy();
        expect(waiting.to).toBe(email);
      } finally {
        await startComponent('mailpit');
      }
      const delivered = await mail.waitFor(email, /Reset your Metered Supplies password/, 60000);
      expect(delivered.text).toContain(linkOf(event));
      const sent = await waitFor('EmailSent', () =>
        emailEvents.find((message) => message.key === messageId),
      );
      expect(sent.headers['event-type']).toBe('EmailSent');
      const payload = (JSON.parse(sent.value ?? '{}') as { payload: { to: string } }).payload;
      expect(payload.to).toBe(email);
      const stored = await storedEmail(db, messageId);
      expect(stored?.status).toBe('sent');
      expect(stored?.attempts).toBeGreaterThan(1);
    },
  );
});
