/**
 * Order emails against the real stack (the notifications service alone): order events
 * published to Kafka as ordering would publish them become emails to every customer user of
 * the account, known from identity's RegistrationApproved and UserActivated; a redelivered
 * event mails nobody twice; an order event that arrives before any user of its account is
 * parked and mailed when the first user arrives; a malformed order message is dead-lettered
 * and the next one is still mailed.
 */
import 'reflect-metadata';
import {
  OrderCancelledEvent,
  OrderHeldEvent,
  OrderPlacedEvent,
  OrderReleasedEvent,
  OrderShippedEvent,
  RegistrationApprovedEvent,
  Topics,
  UserActivatedEvent,
} from '@metered/contracts';

import { KafkaTestClient } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';

import {
  mailCapture,
  publish,
  storedEmail,
  uniqueEmail,
  waitForMail,
  notificationsWorld,
} from './notifications-harness';
import {
  orderCancelled,
  orderHeld,
  orderPlaced,
  orderReleased,
  orderShipped,
  orderSnapshot,
  registrationApproved,
  TestAccount,
  testAccount,
  userActivated,
} from './order-emails.harness';

const US_HELPDESK = '1-800-275-9376 (prompts: 1, 3, 3)';

describe('order emails', () => {
  const kafka = new KafkaTestClient();
  const mail = mailCapture();
  const world = notificationsWorld(kafka);

  /** An account whose first user notifications already knows. */
  async function knownAccount(label: string): Promise<TestAccount> {
    const account = testAccount(label);
    await publish(kafka, registrationApproved(account), RegistrationApprovedEvent);
    await waitFor(`the recipients of ${label}`, async () => {
      const stored = await world.db
        .collection<{ _id: string; recipients: unknown[] }>('account_recipients')
        .findOne({ _id: account.accountId });
      return (stored?.recipients.length ?? 0) > 0 || undefined;
    });
    return account;
  }

  it("confirms an order to the account's user with rows, device, ship-to, shipping and channel", async () => {
    const account = await knownAccount('placed');
    const event = orderPlaced(orderSnapshot(account, 'placed'));
    await publish(kafka, event, OrderPlacedEvent);
    const confirmation = await mail.waitFor(
      account.email,
      new RegExp(`Order ${event.payload.orderNumber} confirmed`),
    );
    expect(confirmation.text).toContain(`Dear ${account.contactName},`);
    expect(confirmation.text).toContain(
      'Black toner cartridge (reorder no. 106R03500): 2 to send — onsite 1 full carton and 0 bottles',
    );
    expect(confirmation.text).toContain('Cyan toner cartridge (reorder no. 106R03501): 1 to send');
    expect(confirmation.text).toContain(
      `Device: ${account.serial} (VersaLink C405, model VL-C405)`,
    );
    expect(confirmation.text).toContain('Shipping: standard');
    expect(confirmation.text).toContain('online, on the Metered Supplies portal');
    expect(confirmation.text).toContain('1 Main St, Springfield, 12345, United States');
    expect(confirmation.text).toContain(US_HELPDESK);
    expect(confirmation.html).toContain('Tinker &amp; &lt;Sons&gt;');
    const messageId = `order-placed:${event.eventId}:${account.userId}`;
    const sent = await waitFor('EmailSent for the confirmation', () =>
      world.emailEvents.find((message) => message.key === messageId),
    );
    expect(sent.headers['correlation-id']).toBe(event.correlationId);
  });

  it('mails a held order to every customer user of the account, and never to staff', async () => {
    const account = await knownAccount('held');
    const second = uniqueEmail('order-held-second');
    const staff = uniqueEmail('order-held-staff');
    await publish(kafka, userActivated(second, account.accountId), UserActivatedEvent);
    await publish(kafka, userActivated(staff, undefined, ['helpdesk']), UserActivatedEvent);
    await waitFor('the second user', async () => {
      const stored = await world.db
        .collection<{ _id: string; recipients: { email: string }[] }>('account_recipients')
        .findOne({ _id: account.accountId });
      return stored?.recipients.some((recipient) => recipient.email === second) || undefined;
    });
    const event = orderHeld(orderSnapshot(account, 'held'));
    await publish(kafka, event, OrderHeldEvent);
    const subject = new RegExp(`Order ${event.payload.orderNumber} is held for review`);
    const [first, other] = await Promise.all([
      mail.waitFor(account.email, subject),
      mail.waitFor(second, subject),
    ]);
    for (const held of [first, other]) {
      expect(held.to).toHaveLength(1);
      expect(held.text).toContain(`Why: ${event.payload.holdReason}`);
      expect(held.text).toContain('The Supplies Helpdesk reviews it shortly');
      expect(held.text).toContain(`call the Supplies Helpdesk at ${US_HELPDESK}`);
    }
    // UserActivated does not name the user: the company's team is greeted.
    expect(other.text).toContain('Dear Tinker & <Sons> team,');
    expect(await mail.messagesTo(staff)).toHaveLength(0);
  });

  it('tells the user a held order was released, cancelled or shipped with its tracking number', async () => {
    const account = await knownAccount('lifecycle');
    const order = orderSnapshot(account, 'placed');
    const released = orderReleased(order, 'Checked with your site.');
    const cancelled = orderCancelled(orderSnapshot(account, 'placed'), 'Ordered twice by mistake.');
    const shipped = orderShipped(order, `1Z${Date.now()}`);
    await publish(kafka, released, OrderReleasedEvent);
    await publish(kafka, cancelled, OrderCancelledEvent);
    await publish(kafka, shipped, OrderShippedEvent);
    const releaseMail = await mail.waitFor(account.email, /was released for shipping/);
    expect(releaseMail.text).toContain('Note from the Supplies Helpdesk: Checked with your site.');
    const cancelMail = await mail.waitFor(account.email, /was cancelled/);
    expect(cancelMail.subject).toContain(cancelled.payload.orderNumber);
    expect(cancelMail.text).toContain('Reason: Ordered twice by mistake.');
    const shipMail = await mail.waitFor(account.email, /has shipped/);
    expect(shipMail.text).toContain('Carrier: UPS');
    expect(shipMail.text).toContain(`Tracking number: ${shipped.payload.trackingNumber}`);
  });

  it('sends one confirmation for an OrderPlaced delivered twice', async () => {
    const account = await knownAccount('twice');
    const order = orderSnapshot(account, 'placed');
    const event = orderPlaced(order);
    await publish(kafka, event, OrderPlacedEvent);
    await publish(kafka, event, OrderPlacedEvent);
    // Same key (the serial), so the marker is consumed after both copies.
    const marker = orderShipped(order, 'MARKER');
    await publish(kafka, marker, OrderShippedEvent);
    await mail.waitFor(account.email, /has shipped/);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const confirmations = (await mail.messagesTo(account.email)).filter((message) =>
      message.subject.includes('confirmed'),
    );
    expect(confirmations).toHaveLength(1);
  });

  it('parks an order event that arrives before any user of its account and mails it when the approval arrives', async () => {
    const account = testAccount('parked');
    const event = orderPlaced(orderSnapshot(account, 'placed'));
    await publish(kafka, event, OrderPlacedEvent);
    await waitFor('the parked order event', async () => {
      const stored = await world.db
        .collection<{ _id: string; parkedOrderEvents: { eventId: string }[] }>('account_recipients')
        .findOne({ _id: account.accountId });
      return (
        stored?.parkedOrderEvents.some((parked) => parked.eventId === event.eventId) || undefined
      );
    });
    expect(await mail.messagesTo(account.email)).toHaveLength(0);
    await publish(kafka, registrationApproved(account), RegistrationApprovedEvent);
    const confirmation = await mail.waitFor(
      account.email,
      new RegExp(`Order ${event.payload.orderNumber} confirmed`),
    );
    expect(confirmation.text).toContain(`Dear ${account.contactName},`);
    const stored = await world.db
      .collection<{ _id: string; parkedOrderEvents: unknown[] }>('account_recipients')
      .findOne({ _id: account.accountId });
    expect(stored?.parkedOrderEvents).toEqual([]);
  });

  it('parks a malformed order message on the dead-letter topic and mails the next order', async () => {
    const account = await knownAccount('after-poison');
    const broken = orderPlaced(orderSnapshot(account, 'placed'));
    const invalid = { ...broken, payload: { ...broken.payload, rows: [] } };
    await kafka.produce(Topics.OrderingOrder, [
      { key: account.serial, value: JSON.stringify(invalid) },
    ]);
    const good = orderPlaced(orderSnapshot(account, 'placed'));
    await publish(kafka, good, OrderPlacedEvent);
    const parked = await waitFor('the dead letter', () =>
      world.deadLetters.find(
        (message) =>
          message.headers['event-id'] === broken.eventId ||
          (message.value ?? '').includes(broken.eventId),
      ),
    );
    expect(parked.headers['dlq-reason']).toBe('invalid-payload');
    expect(parked.headers['dlq-consumer-group']).toBe('notifications');
    await waitForMail(
      mail,
      account.email,
      (message) => message.subject === `Order ${good.payload.orderNumber} confirmed`,
      'the next confirmation',
    );
    expect(
      await storedEmail(world.db, `order-placed:${broken.eventId}:${account.userId}`),
    ).toBeNull();
  });
});
