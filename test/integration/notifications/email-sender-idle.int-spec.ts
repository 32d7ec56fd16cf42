/**
 * An idle email queue costs the database little: the sender polls every `pollIntervalMs`
 * only while it finds due emails, then ever less often up to its safety poll; an email
 * queued in its process still wakes it at once. Real FerretDB and SMTP (the stack's Mailpit);
 * the test counts the sender's passes and compares timestamps, never durations.
 */
import 'reflect-metadata';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import mongoose from 'mongoose';
import {
  NOTIFICATIONS_CONFIG,
  NotificationsConfig,
  readNotificationsConfig,
} from '../../../apps/notifications/src/config/notifications.config';
import { EmailQueue } from '../../../apps/notifications/src/emails/email-queue.service';
import { EmailSender } from '../../../apps/notifications/src/emails/email-sender.service';
import { EmailsRepository } from '../../../apps/notifications/src/emails/persistence/emails.repository';
import { RecipientCapsRepository } from '../../../apps/notifications/src/emails/persistence/recipient-caps.repository';
import { SmtpMailer } from '../../../apps/notifications/src/emails/smtp-mailer';
import { databaseUri, runId } from '../../support/event-platform/probe-event';
import { waitFor } from '../../support/event-platform/wait-for';
import { emailStoreImports } from './email-store.imports';

const run = runId();
const service = `notif-idle-${run}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startSender(polls: Pick<NotificationsConfig, 'pollIntervalMs' | 'idlePollMaxMs'>) {
  const config: NotificationsConfig = {
    ...readNotificationsConfig({ smtpUrl: process.env.SMTP_URL } as never, {}),
    ...polls,
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
  class SenderModule {}

  const app = await NestFactory.createApplicationContext(SenderModule, { logger: ['error'] });
  await app.init();
  return app;
}

describe('the email sender when nothing happens', () => {
  const apps: INestApplicationContext[] = [];

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    const db = await mongoose.createConnection(databaseUri(service)).asPromise();
    await db.dropDatabase().catch(() => undefined);
    await db.close();
  });

  it('polls an idle queue at most once per safety interval', async () => {
    const app = await startSender({ pollIntervalMs: 50, idlePollMaxMs: 1000 });
    apps.push(app);
    const sender = app.get(EmailSender);
    // 50, 100, 200, … ms: after 2 s the sender has reached its safety poll.
    await sleep(2000);
    const before = sender.passesTotal;
    await sleep(5000);
    const passes = sender.passesTotal - before;
    console.log(`idle 5 s: ${passes} passes (two queries each)`);
    // At the active interval it would be 100.
    expect(passes).toBeLessThanOrEqual(6);
  });

  it('hands a newly queued email to SMTP at once, however long the sender meant to sleep', async () => {
    const app = await startSender({ pollIntervalMs: 50, idlePollMaxMs: 120_000 });
    apps.push(app);
    const sender = app.get(EmailSender);
    const nextPoll = await waitFor('the sender to sleep for more than 3 s', () => {
      const at = sender.nextPollAt;
      return at && at.getTime() - Date.now() > 3000 ? at : undefined;
    });

    const to = `idle-${run}@example.com`;
    const queued = await app
      .get(EmailQueue)
      .enqueue('password-reset', { eventId: `idle-${run}`, correlationId: run }, to, {
        subject: 'Reset',
        text: 'text',
        html: '<p>html</p>',
      });
    expect(queued).toBe(true);

    const [sent] = await waitFor('the email to be handed to SMTP', async () => {
      const entries = await app.get(EmailsRepository).list({ to, status: 'sent' }, 5);
      return entries.length > 0 ? entries : undefined;
    });
    // Sent by the nudge of the insert, before the poll the sender had scheduled.
    expect(sent.sentAt!.getTime()).toBeLessThan(nextPoll.getTime());
  });
});
