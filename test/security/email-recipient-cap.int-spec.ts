/**
 * Nobody can make the service flood a mailbox (issue 18, item 4). Registration and reset
 * emails go to any address a caller names; at most EMAIL_MAX_PER_RECIPIENT_PER_HOUR of them
 * reach one recipient per hour, even when two notifications replicas queue them at the same
 * moment. The rest are recorded as `suppressed` with the reason and never sent; order emails
 * to a busy account are never capped. Real FerretDB and the stack's Mailpit.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import mongoose from 'mongoose';
import {
  NOTIFICATIONS_CONFIG,
  NotificationsConfig,
  readNotificationsConfig,
} from '../../apps/notifications/src/config/notifications.config';
import { EmailQueue } from '../../apps/notifications/src/emails/email-queue.service';
import { EmailSender } from '../../apps/notifications/src/emails/email-sender.service';
import { EmailsRepository } from '../../apps/notifications/src/emails/persistence/emails.repository';
import { RecipientCapsRepository } from '../../apps/notifications/src/emails/persistence/recipient-caps.repository';
import { SmtpMailer } from '../../apps/notifications/src/emails/smtp-mailer';
import { databaseUri, runId } from '../support/event-platform/probe-event';
import { emailStoreImports } from '../integration/notifications/email-store.imports';

const service = `email-cap-${runId()}`;
const LIMIT = 3;

async function startReplica(): Promise<INestApplicationContext> {
  const config: NotificationsConfig = {
    ...readNotificationsConfig({ smtpUrl: process.env.SMTP_URL } as never, {}),
    maxPerRecipientPerHour: LIMIT,
  };

  @Module({
    imports: emailStoreImports(service),
    providers: [
      { provide: NOTIFICATIONS_CONFIG, useValue: config },
      EmailsRepository,
      RecipientCapsRepository,
      SmtpMailer,
      EmailSender,
      EmailQueue,
    ],
  })
  class ReplicaModule {}

  const app = await NestFactory.createApplicationContext(ReplicaModule, { logger: ['error'] });
  await app.init();
  return app;
}

const content = { subject: 'Your registration', text: 'Thank you', html: '<p>Thank you</p>' };
const cause = () => ({ eventId: randomUUID(), correlationId: randomUUID() });

describe('the per-recipient email cap (real database)', () => {
  const replicas: INestApplicationContext[] = [];
  let db: mongoose.Connection;

  beforeAll(async () => {
    replicas.push(await startReplica(), await startReplica());
    db = await mongoose.createConnection(databaseUri(service)).asPromise();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(replicas.map((app) => app.close()));
    await db.dropDatabase().catch(() => undefined);
    await db.close();
  });

  const emailsTo = (to: string) =>
    db
      .collection<{ status: string; lastError: string | null; text?: string }>('emails')
      .find({ to })
      .toArray();

  it('sends at most the limit of registration emails to one address, however many replicas race', async () => {
    const to = `flooded-${randomUUID()}@example.com`;
    const queued = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        replicas[index % 2].get(EmailQueue).enqueue('registration-received', cause(), to, content),
      ),
    );
    expect(queued.filter(Boolean)).toHaveLength(LIMIT);
    const emails = await emailsTo(to);
    const suppressed = emails.filter((email) => email.status === 'suppressed');
    expect(emails).toHaveLength(8);
    expect(suppressed).toHaveLength(8 - LIMIT);
    for (const email of suppressed) {
      expect(email.lastError).toMatch(/recipient cap of 3 .*EMAIL_MAX_PER_RECIPIENT_PER_HOUR/);
      expect(email.text).toBeUndefined();
    }
  });

  it('counts every capped kind together, and a redelivered email only once', async () => {
    const to = `reset-${randomUUID()}@example.com`;
    const queue = replicas[0].get(EmailQueue);
    const first = cause();
    expect(await queue.enqueue('password-reset', first, to, content)).toBe(true);
    // The same event again: the email exists, nothing more counts against the address.
    expect(await queue.enqueue('password-reset', first, to, content)).toBe(false);
    expect(await queue.enqueue('registration-received', cause(), to, content)).toBe(true);
    expect(await queue.enqueue('registration-rejected', cause(), to, content)).toBe(true);
    expect(await queue.enqueue('password-reset', cause(), to, content)).toBe(false);
    const statuses = (await emailsTo(to)).map((email) => email.status).sort();
    expect(statuses.filter((status) => status !== 'suppressed')).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 'suppressed')).toHaveLength(1);
  });

  it('never caps order emails: a busy account gets every one', async () => {
    const to = `busy-${randomUUID()}@example.com`;
    const queue = replicas[1].get(EmailQueue);
    for (let order = 0; order < LIMIT * 2; order++) {
      expect(await queue.enqueue('order-placed', cause(), to, content)).toBe(true);
    }
    const emails = await emailsTo(to);
    expect(emails.filter((email) => email.status === 'suppressed')).toHaveLength(0);
    expect(emails).toHaveLength(LIMIT * 2);
  });
});
