import 'reflect-metadata';
import type { EventOutbox } from '@metered/event-platform';
import { readNotificationsConfig } from '../config/notifications.config';
import type { OutgoingEmail } from './domain/email';
import { EmailSender } from './email-sender.service';
import type { EmailsRepository } from './persistence/emails.repository';
import type { SmtpMailer } from './smtp-mailer';

function deferred() {
  let resolve!: (value: boolean) => void;
  const promise = new Promise<boolean>((done) => (resolve = done));
  return { promise, resolve };
}

function email(messageId: string): OutgoingEmail {
  return {
    messageId,
    template: 'order-placed',
    to: 'buyer@example.com',
    subject: 'Order MS-1 confirmed',
    text: 'text',
    html: '<p>html</p>',
    attempts: 1,
    claimExpiresAt: new Date(Date.now() + 60_000),
    causationEventId: 'event-1',
    correlationId: 'flow-1',
  };
}

describe('EmailSender slots', () => {
  it('frees a slot once SMTP accepted the email, while "sent" is still being recorded', async () => {
    const config = {
      ...readNotificationsConfig({ smtpUrl: 'smtp://127.0.0.1:1' } as never, {}),
      sendConcurrency: 1,
      pollIntervalMs: 60_000,
      idlePollMaxMs: 60_000,
    };
    const recorded = deferred();
    let accepted = 0;
    const emails = {
      findDue: async () => [],
      markSent: () => recorded.promise,
    } as unknown as EmailsRepository;
    const mailer = { send: async () => void accepted++ } as unknown as SmtpMailer;
    const outbox = { create: () => ({}) } as unknown as EventOutbox;
    const sender = new EmailSender(config, emails, mailer, outbox);

    const first = sender.reserve();
    expect(first).toBeDefined();
    expect(sender.reserve()).toBeUndefined(); // the one slot is taken
    first!.send(email('m-1'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(accepted).toBe(1);

    // SMTP has it; the database write of "sent" has not come back.
    const second = sender.reserve();
    expect(second).toBeDefined();
    second!.cancel();

    recorded.resolve(true);
    await sender.onApplicationShutdown();
  });
});
