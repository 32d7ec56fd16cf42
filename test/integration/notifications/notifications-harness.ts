/**
 * What the notifications suites share: events as identity and the registry would publish
 * them (built with createEnvelope, produced straight to Kafka), the mail capture, and a
 * read-only look at the notifications database's delivery log.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';
import {
  accessLinkContext,
  AccessLinkKeyring,
  LoginDetailsIssuedEvent,
  LoginDetailsIssuedV2Event,
  parseAccessLinkKey,
  PasswordResetRequestedEvent,
  PasswordResetRequestedV2Event,
  RegistrationRejectedEvent,
  RegistrationRequestedEvent,
  SerialCheckResult,
  SerialsValidatedEvent,
  Topics,
} from '@metered/contracts';
import {
  createEnvelope,
  deadLetterTopic,
  EventDefinition,
  EventEnvelope,
} from '@metered/event-platform';
import { stackAccessLinkKey } from '../../../tools/stack/src';
import { CapturedMail, MailCapture } from '../../../tools/stack/src/demo/mail-capture';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { useApps } from '../../support/stack-env';
import { databaseUri } from '../../support/event-platform/probe-event';
import { waitFor } from '../../support/event-platform/wait-for';
import { testStackEnv } from '../../support/stack-env';

export const suffix = (): string => randomBytes(4).toString('hex');
export const uniqueEmail = (label: string): string => `notif-${label}-${suffix()}@example.com`;
export const serial = (): string => `NT${randomBytes(5).toString('hex').toUpperCase()}`;

function envelope<P extends object>(definition: EventDefinition<P>, payload: P): EventEnvelope<P> {
  return createEnvelope(definition, payload, {
    producer: 'integration-test',
    correlationId: `notif-test-${suffix()}`,
  });
}

export function registrationRequested(
  email: string,
  serials: string[],
  registrationId = randomUUID(),
) {
  return envelope(RegistrationRequestedEvent, {
    registrationId,
    company: 'Tinker & <Sons>',
    contactName: 'Ada Tester',
    email,
    phone: '+1 555 0100',
    country: 'US',
    shipTo: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
    serials,
    requestedAt: new Date().toISOString(),
  });
}

export function serialsValidated(registrationId: string, results: SerialCheckResult[]) {
  return envelope(SerialsValidatedEvent, {
    registrationId,
    country: 'US',
    results,
    allEligible: results.every((result) => result.outcome === 'eligible'),
    checkedAt: new Date().toISOString(),
  });
}

export function registrationRejected(email: string, reason: string) {
  return envelope(RegistrationRejectedEvent, {
    registrationId: randomUUID(),
    company: 'Tinker & Sons',
    contactName: 'Ada Tester',
    email,
    country: 'GB',
    reason,
    rejectedBy: randomUUID(),
    rejectedAt: new Date().toISOString(),
  });
}

/**
 * The stack's access-link key (tools/stack generates one per stack and gives it to identity
 * and notifications): the tests seal links as identity does.
 */
export function stackKeyring(): AccessLinkKeyring {
  return new AccessLinkKeyring(parseAccessLinkKey(stackAccessLinkKey(), 'ACCESS_LINK_KEY'));
}

/** The clear link each sealed event the harness built carries (never part of the event). */
const clearLinks = new WeakMap<object, string>();

/** The link a harness-built access-link event seals, to compare with the email's. */
export function linkOf(event: EventEnvelope<object>): string {
  const link = clearLinks.get(event.payload);
  if (!link) throw new Error(`no link recorded for event ${event.eventId}`);
  return link;
}

/** `LoginDetailsIssued` v2 as identity publishes it: the set-password link sealed. */
export function loginDetailsIssued(email: string, token = suffix()) {
  const userId = randomUUID();
  const url = `http://127.0.0.1:3000/set-password#token=${token}`;
  const event = envelope(LoginDetailsIssuedV2Event, {
    userId,
    email,
    contactName: 'Ada Tester',
    company: 'Tinker & Sons',
    country: 'DE',
    setPasswordLink: stackKeyring().seal(
      url,
      accessLinkContext(LoginDetailsIssuedV2Event.type, userId, email),
    ),
    expiresAt: new Date(Date.now() + 72 * 3600_000).toISOString(),
  });
  clearLinks.set(event.payload, url);
  return event;
}

/**
 * `PasswordResetRequested` v2 as identity publishes it: the reset link sealed for `userId`
 * and `email` (a test that changes either after sealing makes the link fail to open).
 */
export function passwordResetRequested(
  email: string,
  token = suffix(),
  userId: string = randomUUID(),
) {
  const url = `http://127.0.0.1:3000/reset-password#token=${token}`;
  const event = envelope(PasswordResetRequestedV2Event, {
    userId,
    email,
    contactName: 'Ada Tester',
    country: 'US',
    resetLink: stackKeyring().seal(
      url,
      accessLinkContext(PasswordResetRequestedV2Event.type, userId, email),
    ),
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  });
  clearLinks.set(event.payload, url);
  return event;
}

/** v1 (deprecated, the link in clear), which notifications still mails for one release. */
export function loginDetailsIssuedV1(email: string, token = suffix()) {
  return envelope(LoginDetailsIssuedEvent, {
    userId: randomUUID(),
    email,
    contactName: 'Ada Tester',
    company: 'Tinker & Sons',
    country: 'DE',
    setPasswordUrl: `http://127.0.0.1:3000/set-password#token=${token}`,
    expiresAt: new Date(Date.now() + 72 * 3600_000).toISOString(),
  });
}

export function passwordResetRequestedV1(email: string, token = suffix()) {
  return envelope(PasswordResetRequestedEvent, {
    userId: randomUUID(),
    email,
    contactName: 'Ada Tester',
    country: 'US',
    resetUrl: `http://127.0.0.1:3000/reset-password#token=${token}`,
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  });
}

export async function publish(
  kafka: KafkaTestClient,
  event: EventEnvelope<object>,
  definition: EventDefinition,
): Promise<void> {
  await kafka.produce(definition.topic, [{ key: event.key, value: JSON.stringify(event) }]);
}

export function mailCapture(): MailCapture {
  return new MailCapture(testStackEnv().MAIL_CAPTURE_URL || 'http://127.0.0.1:8025');
}

export interface StoredEmail {
  _id: string;
  to: string;
  template: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

/** The notifications service's own database (read only in the tests). */
export async function notificationsDatabase(): Promise<Connection> {
  return mongoose.createConnection(databaseUri('notifications')).asPromise();
}

export function storedEmail(db: Connection, messageId: string): Promise<StoredEmail | null> {
  return db.collection<StoredEmail>('emails').findOne({ _id: messageId });
}

/** Waits for a message to `address` that satisfies `match` (other services may mail the same person). */
export function waitForMail(
  mail: MailCapture,
  address: string,
  match: (message: CapturedMail) => boolean,
  what: string,
): Promise<CapturedMail> {
  return waitFor(
    `${what} to ${address}`,
    async () => (await mail.messagesTo(address)).find(match),
    30000,
    500,
  );
}

/** What a notifications suite reads: email outcomes, dead letters and the service's database. */
export interface NotificationsWorld {
  emailEvents: SeenMessage[];
  deadLetters: SeenMessage[];
  db: Connection;
}

/**
 * Starts the notifications service before the suite's tests and reads its email-outcome and
 * dead-letter topics with `kafka`; closes the readers and the database afterwards.
 */
export function notificationsWorld(kafka: KafkaTestClient): NotificationsWorld {
  const world = { emailEvents: [], deadLetters: [] } as unknown as NotificationsWorld;
  beforeAll(async () => {
    await useApps(['notifications']);
    world.db = await notificationsDatabase();
    [world.emailEvents, world.deadLetters] = await Promise.all([
      kafka.collect([Topics.NotificationsEmail]),
      kafka.collect([deadLetterTopic('notifications')]),
    ]);
  });
  afterAll(async () => {
    await kafka.close();
    await world.db?.close();
  });
  return world;
}
