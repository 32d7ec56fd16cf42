/**
 * The notifications service against the real stack: events published to Kafka as identity
 * and the registry publish them become the right emails in Mailpit; a redelivered event
 * sends no second email; a malformed message is parked on the dead-letter topic and the
 * next good one is still mailed.
 */
import 'reflect-metadata';
import {
  LoginDetailsIssuedEvent,
  LoginDetailsIssuedV2Event,
  PasswordResetRequestedEvent,
  PasswordResetRequestedV2Event,
  RegistrationRejectedEvent,
  RegistrationRequestedEvent,
  SerialsValidatedEvent,
  Topics,
} from '@metered/contracts';

import { linkIn } from '../../../tools/stack/src/demo/mail-capture';
import { KafkaTestClient } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';

import {
  linkOf,
  loginDetailsIssued,
  loginDetailsIssuedV1,
  mailCapture,
  passwordResetRequested,
  passwordResetRequestedV1,
  publish,
  registrationRejected,
  registrationRequested,
  serial,
  serialsValidated,
  storedEmail,
  uniqueEmail,
  waitForMail,
  notificationsWorld,
} from './notifications-harness';

const US_HELPDESK = '1-800-275-9376 (prompts: 1, 3, 3)';

describe('notification emails', () => {
  const kafka = new KafkaTestClient();
  const mail = mailCapture();
  const world = notificationsWorld(kafka);

  it('confirms a registration request with its serials, next steps and the helpdesk number', async () => {
    const email = uniqueEmail('received');
    const serials = [serial(), serial()];
    const event = registrationRequested(email, serials);
    await publish(kafka, event, RegistrationRequestedEvent);
    const received = await mail.waitFor(email, /We received your registration request/);
    expect(received.text).toContain(serials[0]);
    expect(received.text).toContain(serials[1]);
    expect(received.text).toContain('What happens next');
    expect(received.text).toContain(US_HELPDESK);
    // The company name is the person's input: escaped in HTML.
    expect(received.html).toContain('Tinker &amp; &lt;Sons&gt;');
    const sent = await waitFor('EmailSent for the confirmation', () =>
      world.emailEvents.find((message) => message.key === `registration-received:${event.eventId}`),
    );
    expect(sent.headers['event-type']).toBe('EmailSent');
    expect(sent.headers['correlation-id']).toBe(event.correlationId);
  });

  // The stack's registry checks the request too and publishes its own SerialsValidated (these
  // serials are unknown to it), so the email of the test's check is told apart by its content.
  it('mails each serial that failed the checks with its reason, even when the check arrives before the request', async () => {
    const email = uniqueEmail('checks');
    const [good, unknown, uncovered] = [serial(), serial(), serial()];
    const request = registrationRequested(email, [good, unknown, uncovered]);
    const checks = serialsValidated(request.payload.registrationId, [
      { serial: good, outcome: 'eligible', message: 'Covered by an active contract.' },
      { serial: unknown, outcome: 'unknown-serial', message: 'We do not know this serial number.' },
      {
        serial: uncovered,
        outcome: 'no-active-contract',
        message: 'This device has no active Metered Supplies contract.',
      },
    ]);
    // Out of order on purpose: the check result is parked until the request tells who to write to.
    await publish(kafka, checks, SerialsValidatedEvent);
    const parked = await waitFor('the parked check', async () => {
      const contact = await world.db
        .collection<{ parkedChecks: { eventId: string }[] }>('registration_contacts')
        .findOne({ _id: request.payload.registrationId as never });
      return contact?.parkedChecks.some((check) => check.eventId === checks.eventId) && contact;
    });
    expect(parked).toBeTruthy();
    expect(await mail.messagesTo(email)).toHaveLength(0);
    await publish(kafka, request, RegistrationRequestedEvent);
    const failed = await waitForMail(
      mail,
      email,
      (message) => message.text.includes(`${uncovered}: no active Metered Supplies contract`),
      'the failed-serials email',
    );
    expect(failed.subject).toMatch(/could not be accepted/);
    expect(failed.text).toContain(
      `${unknown}: unknown serial number — We do not know this serial number.`,
    );
    expect(failed.text).not.toContain(`${good}:`);
    expect(failed.text).toMatch(/online store or from an authorised partner/);
    expect(failed.text).toContain(US_HELPDESK);
    await mail.waitFor(email, /We received your registration request/);
  });

  it('sends no failed-serials email for a check where every serial is eligible', async () => {
    const email = uniqueEmail('eligible');
    const one = serial();
    const request = registrationRequested(email, [one]);
    await publish(kafka, request, RegistrationRequestedEvent);
    await mail.waitFor(email, /We received your registration request/);
    const eligible = serialsValidated(request.payload.registrationId, [
      { serial: one, outcome: 'eligible', message: 'Covered.' },
    ]);
    // Same key, so the marker is handled after the eligible check.
    const marker = serialsValidated(request.payload.registrationId, [
      { serial: one, outcome: 'other-country', message: 'Registered in another country.' },
    ]);
    await publish(kafka, eligible, SerialsValidatedEvent);
    await publish(kafka, marker, SerialsValidatedEvent);
    await waitFor(
      'the marker email',
      async () =>
        (await storedEmail(world.db, `serials-not-eligible:${marker.eventId}`)) ?? undefined,
    );
    expect(await storedEmail(world.db, `serials-not-eligible:${eligible.eventId}`)).toBeNull();
  });

  it("tells a rejected registrant the validator's reason", async () => {
    const email = uniqueEmail('rejected');
    const reason = 'The serial numbers belong to <another> company & country.';
    await publish(kafka, registrationRejected(email, reason), RegistrationRejectedEvent);
    const rejected = await mail.waitFor(email, /registration was not approved/);
    expect(rejected.text).toContain(`Reason: ${reason}`);
    expect(rejected.html).toContain('&lt;another&gt; company &amp; country');
    expect(rejected.text).toContain('0808 157 0192 (prompts: 2, 1)');
  });

  it('sends the login details as a set-password link with its expiry, never a password', async () => {
    const email = uniqueEmail('login');
    const event = loginDetailsIssued(email);
    await publish(kafka, event, LoginDetailsIssuedV2Event);
    const details = await mail.waitFor(email, /Your Metered Supplies login details/);
    expect(linkIn(details, '/set-password')).toBe(linkOf(event));
    expect(details.text).toContain('expires in 72 hours');
    expect(details.text).toContain('0800 181 8181 (prompts: 1, 4)');
    expect(details.text).not.toMatch(/password: [^\n]/i);
  });

  it('sends the reset link with its one-hour expiry and the ignore-me hint', async () => {
    const email = uniqueEmail('reset');
    const event = passwordResetRequested(email);
    await publish(kafka, event, PasswordResetRequestedV2Event);
    const reset = await mail.waitFor(email, /Reset your Metered Supplies password/);
    expect(linkIn(reset, '/reset-password')).toBe(linkOf(event));
    expect(reset.text).toContain('expires in 1 hour');
    expect(reset.text).toContain('If you did not ask for this, ignore this email');
  });

  it('sends one email for an event delivered twice', async () => {
    const email = uniqueEmail('twice');
    const event = passwordResetRequested(email);
    await publish(kafka, event, PasswordResetRequestedV2Event);
    await publish(kafka, event, PasswordResetRequestedV2Event);
    // Same key, so the marker is consumed after both copies.
    const marker = passwordResetRequested(email, 'marker', event.payload.userId);
    await publish(kafka, marker, PasswordResetRequestedV2Event);
    await waitFor('both reset emails', async () => (await mail.messagesTo(email)).length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const messages = await mail.messagesTo(email);
    expect(messages).toHaveLength(2);
    expect(messages.filter((m) => m.text.includes(linkOf(event)))).toHaveLength(1);
  });

  it('still mails the clear links of v1 events left on the topic (deprecated, this release only)', async () => {
    const email = uniqueEmail('v1');
    const login = loginDetailsIssuedV1(email);
    const reset = passwordResetRequestedV1(email);
    await publish(kafka, login, LoginDetailsIssuedEvent);
    await publish(kafka, reset, PasswordResetRequestedEvent);
    const details = await mail.waitFor(email, /login details/);
    expect(linkIn(details, '/set-password')).toBe(login.payload.setPasswordUrl);
    const resetMail = await mail.waitFor(email, /Reset your Metered Supplies password/);
    expect(linkIn(resetMail, '/reset-password')).toBe(reset.payload.resetUrl);
  });

  describe('a sealed link that does not open is dead-lettered with the reason, and no email is sent', () => {
    /** Publishes `event`, then a good event to the same address and key, which must arrive alone. */
    async function expectParked(
      event: ReturnType<typeof passwordResetRequested>,
      label: string,
    ): Promise<string> {
      await publish(kafka, event, PasswordResetRequestedV2Event);
      const next = passwordResetRequested(
        event.payload.email,
        `next-${label}`,
        event.payload.userId,
      );
      await publish(kafka, next, PasswordResetRequestedV2Event);
      const parked = await waitFor(`the dead letter of the ${label} event`, () =>
        world.deadLetters.find((m) => m.value?.includes(event.eventId)),
      );
      expect(parked.headers['dlq-reason']).toBe('handler-rejected');
      expect(parked.headers['dlq-consumer-group']).toBe('notifications');
      // The good event behind it (same key, same partition) is mailed; the parked one is not.
      await mail.waitFor(event.payload.email, /Reset your Metered Supplies password/);
      const messages = await mail.messagesTo(event.payload.email);
      expect(messages).toHaveLength(1);
      expect(messages[0].text).toContain(linkOf(next));
      expect(await storedEmail(world.db, `password-reset:${event.eventId}`)).toBeNull();
      return parked.headers['dlq-error'] ?? '';
    }

    const flip = (base64: string): string => {
      const bytes = Buffer.from(base64, 'base64');
      bytes[0] ^= 0x01;
      return bytes.toString('base64');
    };

    it('a tampered ciphertext', async () => {
      const event = passwordResetRequested(uniqueEmail('tampered'));
      event.payload.resetLink.ciphertext = flip(event.payload.resetLink.ciphertext);
      expect(await expectParked(event, 'tampered')).toMatch(/authentication failed/);
    });

    it('a tampered tag', async () => {
      const event = passwordResetRequested(uniqueEmail('tag'));
      event.payload.resetLink.tag = flip(event.payload.resetLink.tag);
      expect(await expectParked(event, 'tag')).toMatch(/authentication failed/);
    });

    it('a link copied into an event addressed to someone else', async () => {
      const victim = passwordResetRequested(uniqueEmail('victim'));
      const thief = passwordResetRequested(uniqueEmail('thief'));
      thief.payload.resetLink = victim.payload.resetLink;
      expect(await expectParked(thief, 'copied')).toMatch(/authentication failed/);
    });

    it('an unknown key id', async () => {
      const event = passwordResetRequested(uniqueEmail('unknown-key'));
      event.payload.resetLink.keyId = '0123456789abcdef';
      expect(await expectParked(event, 'unknown-key')).toMatch(/unknown key id 0123456789abcdef/);
    });
  });

  it('parks a malformed message on the dead-letter topic and mails the next good one', async () => {
    const email = uniqueEmail('after-poison');
    const key = `poison-${email}`;
    await kafka.produce(Topics.IdentityAccessLink, [{ key, value: '{"not": json' }]);
    const good = loginDetailsIssued(email);
    await kafka.produce(Topics.IdentityAccessLink, [{ key, value: JSON.stringify(good) }]);
    const parked = await waitFor('the dead letter', () =>
      world.deadLetters.find((message) => message.key === key),
    );
    expect(parked.headers['dlq-reason']).toBe('malformed-json');
    expect(parked.headers['dlq-consumer-group']).toBe('notifications');
    await mail.waitFor(email, /login details/);
  });
});
