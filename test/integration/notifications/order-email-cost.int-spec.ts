/**
 * What one OrderPlaced costs notifications on real FerretDB/MongoDB and the stack's Mailpit,
 * counted with the driver's command monitoring on the replica's own connection: from the
 * consumed Kafka message to the email handed to SMTP and "sent" recorded with its EmailSent
 * (the relay's later removal of that entry is the relay's, not counted here). And the
 * guarantees the cheaper path keeps: a redelivered event and two replicas racing on one
 * event each give one email.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';
import { Topics } from '@metered/contracts';
import { EmailsRepository } from '../../../apps/notifications/src/emails/persistence/emails.repository';
import { databaseUri, runId } from '../../support/event-platform/probe-event';
import { waitFor } from '../../support/event-platform/wait-for';
import { mailCapture, uniqueEmail } from './notifications-harness';
import {
  kafkaContextOf,
  NotificationsReplica,
  startNotificationsReplica,
} from './notifications-replica';
import { orderPlaced, orderSnapshot, testAccount, TestAccount } from './order-emails.harness';

const run = runId();
const service = `notif-cost-${run}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface StoredEmail {
  _id: string;
  status: string;
  outbox?: { type: string }[];
}

describe('the database cost of an order confirmation', () => {
  const mail = mailCapture();
  const replicas: NotificationsReplica[] = [];
  let db: Connection;

  beforeAll(async () => {
    db = await mongoose.createConnection(databaseUri(service)).asPromise();
    replicas.push(await startNotificationsReplica(service));
    replicas.push(await startNotificationsReplica(service));
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.app.close()));
    await db.dropDatabase().catch(() => undefined);
    await db.close();
  });

  /** An account whose one user notifications already knows (as identity's events left it). */
  async function knownAccount(label: string): Promise<TestAccount> {
    const account = { ...testAccount(label), email: uniqueEmail(`cost-${label}`) };
    await db.collection<{ _id: string; [field: string]: unknown }>('account_recipients').insertOne({
      _id: account.accountId,
      recipients: [{ userId: account.userId, email: account.email, name: account.contactName }],
      parkedOrderEvents: [],
      updatedAt: new Date(),
    });
    return account;
  }

  const emailsOf = (account: TestAccount) =>
    db.collection<StoredEmail>('emails').find({ to: account.email }).toArray();

  /** Consumes the event in `replica`, then waits until its email is sent and EmailSent recorded. */
  async function confirmationSent(account: TestAccount) {
    return waitFor(
      `the confirmation to ${account.email} recorded as sent`,
      async () => {
        const [email] = await emailsOf(account);
        return email?.status === 'sent' && email.outbox?.some((e) => e.type === 'EmailSent')
          ? email
          : undefined;
      },
      30_000,
      50,
    );
  }

  it('costs at most 3 commands: the recipients read, the email insert, "sent" with EmailSent', async () => {
    const [replica] = replicas;
    // Warm-up: indexes and first-use work are not the per-order cost.
    const warmUp = await knownAccount('warm-up');
    await replica.events.onOrderEvent(
      undefined,
      kafkaContextOf(orderPlaced(orderSnapshot(warmUp, 'placed')), Topics.OrderingOrder) as never,
    );
    await confirmationSent(warmUp);
    await sleep(500);

    const account = await knownAccount('counted');
    replica.commands.length = 0;
    await replica.events.onOrderEvent(
      undefined,
      kafkaContextOf(orderPlaced(orderSnapshot(account, 'placed')), Topics.OrderingOrder) as never,
    );
    const handled = replica.commands.map((c) => `${c.name} ${c.collection}`);
    await confirmationSent(account);
    await sleep(500); // a lock release or a second pass would show up now
    const all = replica.commands.map((c) => `${c.name} ${c.collection}`);
    console.log(
      `notifications commands per OrderPlaced: ${all.length} (${handled.length} before the handler returned)\n  ${all.join('\n  ')}`,
    );

    expect(all).toEqual(['find account_recipients', 'insert emails', 'update emails']);
    await mail.waitFor(account.email, /confirmed/);
  });

  it('mails a redelivered OrderPlaced once', async () => {
    const [replica] = replicas;
    const account = await knownAccount('redelivered');
    const context = kafkaContextOf(
      orderPlaced(orderSnapshot(account, 'placed')),
      Topics.OrderingOrder,
    ) as never;
    await replica.events.onOrderEvent(undefined, context);
    await confirmationSent(account);
    await replica.events.onOrderEvent(undefined, context);
    // Redelivered while the first delivery is still in hand-over, too.
    await Promise.all([
      replica.events.onOrderEvent(undefined, context),
      replica.events.onOrderEvent(undefined, context),
    ]);
    await mail.waitFor(account.email, /confirmed/);
    await sleep(1000); // a second copy would arrive now

    expect(await mail.messagesTo(account.email)).toHaveLength(1);
    const emails = await emailsOf(account);
    expect(emails).toHaveLength(1);
    expect(emails[0].outbox?.filter((e) => e.type === 'EmailSent')).toHaveLength(1);
  });

  it('sends the email a crashed replica inserted claimed, once the claim expires', async () => {
    const survivor = await startNotificationsReplica(service, {
      pollIntervalMs: 200,
      idlePollMaxMs: 400,
    });
    replicas.push(survivor);
    const to = uniqueEmail('cost-orphaned');
    const messageId = `order-placed:${randomUUID()}:${randomUUID()}`;
    // What a replica leaves behind when it dies between its insert and the SMTP hand-over.
    const claimed = await survivor.app.get(EmailsRepository).enqueueClaimed(
      {
        messageId,
        template: 'order-placed',
        to,
        subject: 'Order MS-1 confirmed',
        text: 'text',
        html: '<p>html</p>',
        causationEventId: randomUUID(),
        correlationId: run,
      },
      { worker: 'a-replica-that-died', ttlMs: 1500 },
      new Date(),
    );
    expect(claimed).toMatchObject({ messageId, attempts: 1 });

    await mail.waitFor(to, /confirmed/);
    const sent = await waitFor(
      `${messageId} recorded as sent`,
      async () => {
        const email = await db
          .collection<StoredEmail & { attempts: number }>('emails')
          .findOne({ _id: messageId });
        return email?.status === 'sent' ? email : undefined;
      },
      30_000,
      100,
    );
    expect(sent.attempts).toBe(2);
    expect(await mail.messagesTo(to)).toHaveLength(1);
  });

  it('mails once when two replicas consume the same OrderPlaced at the same time', async () => {
    const accounts = await Promise.all(
      Array.from({ length: 4 }, (_, i) => knownAccount(`raced-${i}`)),
    );
    await Promise.all(
      accounts.flatMap((account) => {
        const event = orderPlaced(orderSnapshot(account, 'placed'));
        return replicas.map((replica) =>
          replica.events.onOrderEvent(
            undefined,
            kafkaContextOf(event, Topics.OrderingOrder, randomUUID()) as never,
          ),
        );
      }),
    );
    for (const account of accounts) await confirmationSent(account);
    await sleep(1000); // a second copy would arrive now

    for (const account of accounts) {
      expect(await mail.messagesTo(account.email)).toHaveLength(1);
      const emails = await emailsOf(account);
      expect(emails).toHaveLength(1);
      expect(emails[0].outbox?.filter((e) => e.type === 'EmailSent')).toHaveLength(1);
    }
  });
});
