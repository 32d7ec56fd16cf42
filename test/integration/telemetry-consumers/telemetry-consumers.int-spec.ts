/**
 * Telemetry's events, produced to the real Kafka as the telemetry service publishes them, and
 * what ordering and notifications (both running from the stack) make of them:
 * - ReplenishmentRequested for an eligible serial → exactly one automatic order (channel
 *   `auto`, placed by the system, the trigger on it), placed or held by the usual rules, and
 *   exactly one "automatic order" email per account user with the reading that triggered it;
 * - the same request redelivered (same event, or republished with the same requestId) → still
 *   one order; a second request for the same supply while the first order is open → no order,
 *   recorded as skipped; a serial without a current contract, or an item not of the serial →
 *   no order, recorded as refused;
 * - SupplyLow without automatic replenishment → one email per account user (none with it);
 *   DeviceSilent → one email, also when redelivered;
 * - a malformed event → each consumer's dead-letter topic, and the next event still handled.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';
import {
  DeviceSilentEvent,
  RegistrationApprovedEvent,
  ReplenishmentRequestedEvent,
  ReplenishmentRequestedPayload,
  SupplyLowEvent,
  Topics,
  UserActivatedEvent,
} from '@metered/contracts';
import {
  createEnvelope,
  deadLetterTopic,
  EventDefinition,
  EventEnvelope,
  eventHeaders,
} from '@metered/event-platform';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { databaseUri } from '../../support/event-platform/probe-event';
import { waitFor } from '../../support/event-platform/wait-for';
import { seedSerialOfNewAccount } from '../../support/ordering/placement-replica';
import { useApps } from '../../support/stack-env';
import { mailCapture, uniqueEmail } from '../notifications/notifications-harness';
import { registrationApproved, userActivated } from '../notifications/order-emails.harness';

const SUPPLY = {
  supplyId: '1',
  description: 'Black Toner Cartridge',
  reorderNumber: 'R-1000',
  level: 40,
  maxCapacity: 500,
  percent: 8,
};

function envelope<P extends object>(definition: EventDefinition<P>, payload: P): EventEnvelope<P> {
  return createEnvelope(definition, payload, { producer: 'telemetry-consumers-test' });
}

interface OrderDoc {
  _id: string;
  orderNumber: string;
  serial: string;
  status: string;
  channel: string;
  placedBy: string;
  shippingMethod: string;
  shipTo: { line1: string };
  rows: { reorderNumber: string; quantity: number }[];
  trigger?: { requestId: string; supply: { level: number } };
}

interface RequestRecord {
  _id: string;
  outcome: string;
  reason?: string;
  orderNumber?: string;
}

interface EmailDoc {
  _id: string;
  to: string;
  template: string;
  text: string;
}

describe('telemetry consumers: automatic orders and alerts (real Kafka, FerretDB, Mailpit)', () => {
  const kafka = new KafkaTestClient();
  const mail = mailCapture();
  let ordering: Connection;
  let notifications: Connection;
  let orderingDeadLetters: SeenMessage[];
  let notificationsDeadLetters: SeenMessage[];

  beforeAll(async () => {
    await useApps(['ordering', 'notifications']);
    ordering = await mongoose.createConnection(databaseUri('ordering')).asPromise();
    notifications = await mongoose.createConnection(databaseUri('notifications')).asPromise();
    [orderingDeadLetters, notificationsDeadLetters] = await Promise.all([
      kafka.collect([deadLetterTopic('ordering')]),
      kafka.collect([deadLetterTopic('notifications')]),
    ]);
  }, 900_000);

  afterAll(async () => {
    await kafka.close();
    await ordering?.close();
    await notifications?.close();
  });

  async function publish(event: EventEnvelope<object>, definition: EventDefinition) {
    await kafka.produce(definition.topic, [
      { key: event.key, value: JSON.stringify(event), headers: eventHeaders(event) },
    ]);
  }

  /** A covered serial in ordering's read models and its account's users known to notifications. */
  async function customer(label: string, users = 1) {
    const seeded = await seedSerialOfNewAccount(ordering, label);
    const first = {
      accountId: seeded.accountId,
      userId: randomUUID(),
      email: uniqueEmail(`tele-${label}`),
      contactName: `Tess ${label}`,
      serial: seeded.serial,
    };
    await publish(registrationApproved(first), RegistrationApprovedEvent);
    const emails = [first.email];
    for (let n = 1; n < users; n++) {
      const email = uniqueEmail(`tele-${label}-${n}`);
      await publish(userActivated(email, seeded.accountId), UserActivatedEvent);
      emails.push(email);
    }
    await waitFor(`the users of ${label} in notifications`, async () => {
      const stored = await notifications
        .collection<{ _id: string; recipients: unknown[] }>('account_recipients')
        .findOne({ _id: seeded.accountId });
      return (stored?.recipients.length ?? 0) >= users || undefined;
    });
    return { ...seeded, emails, contactName: first.contactName };
  }

  function request(
    serial: string,
    accountId: string,
    overrides: Partial<ReplenishmentRequestedPayload> = {},
  ): ReplenishmentRequestedPayload {
    const readAt = new Date(Date.now() - 3600_000).toISOString();
    return {
      requestId: randomUUID(),
      serial,
      accountId,
      reorderNumber: 'R-1000',
      quantity: 4,
      trigger: {
        reason: 'days-to-empty',
        supply: SUPPLY,
        forecast: {
          supplyId: '1',
          reorderNumber: 'R-1000',
          state: 'forecast',
          daysToEmpty: 5.6,
          confidence: 'high',
          asOf: readAt,
        },
        readAt,
      },
      requestedAt: new Date().toISOString(),
      ...overrides,
    } as ReplenishmentRequestedPayload;
  }

  const ordersOf = (serial: string) =>
    ordering.collection<OrderDoc>('orders').find({ serial }).toArray();
  const recordOf = (requestId: string) =>
    waitFor(
      `the record of request ${requestId}`,
      async () =>
        (await ordering
          .collection<RequestRecord>('replenishment_requests')
          .findOne({ _id: requestId })) ?? undefined,
    );
  const emailsTo = (to: string, template: string) =>
    notifications.collection<EmailDoc>('emails').find({ to, template }).toArray();

  it('places exactly one automatic order and mails it once with the reading; redelivery changes nothing', async () => {
    const account = await customer('placed');
    const event = envelope(ReplenishmentRequestedEvent, request(account.serial, account.accountId));
    await publish(event, ReplenishmentRequestedEvent);

    expect(await recordOf(event.payload.requestId)).toMatchObject({ outcome: 'placed' });
    const [order, ...others] = await ordersOf(account.serial);
    expect(others).toEqual([]);
    expect(order).toMatchObject({
      channel: 'auto',
      placedBy: 'system:auto-replenishment',
      shippingMethod: 'standard',
      status: 'placed',
      shipTo: { line1: '1 Test Street' },
      rows: [expect.objectContaining({ reorderNumber: 'R-1000', quantity: 4 })],
      trigger: { requestId: event.payload.requestId, supply: { level: 40 } },
    });

    const email = await mail.waitForMatching(
      account.emails[0],
      (message) => message.subject === `Automatic order ${order.orderNumber} placed`,
    );
    expect(email.text).toContain('Level: 8% (40 of 500)');
    expect(email.text).toContain('Days to empty: about 6 days (high confidence)');

    // The same event again, and telemetry republishing the same request as a new event.
    await publish(event, ReplenishmentRequestedEvent);
    const republished = envelope(ReplenishmentRequestedEvent, event.payload);
    await publish(republished, ReplenishmentRequestedEvent);
    // A marker behind them on the same partition (same serial): once it is decided, they were.
    const marker = envelope(
      ReplenishmentRequestedEvent,
      request(account.serial, account.accountId, { reorderNumber: 'NOT-TIED-1' }),
    );
    await publish(marker, ReplenishmentRequestedEvent);
    await recordOf(marker.payload.requestId);
    expect(await ordersOf(account.serial)).toHaveLength(1);
    expect(await emailsTo(account.emails[0], 'auto-order-placed')).toHaveLength(1);
    expect(await emailsTo(account.emails[0], 'order-placed')).toHaveLength(0);
  });

  it('places no second automatic order for the same supply while the first is open: recorded as skipped', async () => {
    const account = await customer('skipped');
    const first = envelope(ReplenishmentRequestedEvent, request(account.serial, account.accountId));
    await publish(first, ReplenishmentRequestedEvent);
    const placed = await recordOf(first.payload.requestId);
    const second = envelope(
      ReplenishmentRequestedEvent,
      request(account.serial, account.accountId),
    );
    await publish(second, ReplenishmentRequestedEvent);

    const skipped = await recordOf(second.payload.requestId);
    expect(skipped).toMatchObject({ outcome: 'skipped', orderNumber: placed.orderNumber });
    expect(skipped.reason).toContain(`automatic order ${placed.orderNumber}`);
    expect(skipped.reason).toContain('is still open (placed)');
    expect(await ordersOf(account.serial)).toHaveLength(1);
  });

  it('holds an automatic order over the allowance like any other, and says so in its email', async () => {
    const account = await customer('held');
    // 12 bottles with nothing onsite: over the allowance of 2 cartons of 4.
    const event = envelope(
      ReplenishmentRequestedEvent,
      request(account.serial, account.accountId, { quantity: 12 }),
    );
    await publish(event, ReplenishmentRequestedEvent);
    const record = await recordOf(event.payload.requestId);
    expect(record).toMatchObject({ outcome: 'held' });
    const [order] = await ordersOf(account.serial);
    expect(order).toMatchObject({ status: 'held', channel: 'auto' });
    const email = await mail.waitForMatching(
      account.emails[0],
      (message) =>
        message.subject === `Automatic order ${order.orderNumber} placed and held for review`,
    );
    expect(email.text).toContain('Level: 8% (40 of 500)');
  });

  it('refuses a serial without a current contract and an item not of the serial: recorded, no order', async () => {
    const account = await customer('refused');
    await ordering
      .collection<{ _id: string }>('serials')
      .updateOne(
        { _id: account.serial },
        { $set: { 'contract.status': 'terminated', 'contract.endsOn': '2021-01-01' } },
      );
    const event = envelope(ReplenishmentRequestedEvent, request(account.serial, account.accountId));
    await publish(event, ReplenishmentRequestedEvent);
    const record = await recordOf(event.payload.requestId);
    expect(record.outcome).toBe('refused');
    expect(record.reason).toContain('has no current Metered Supplies contract');
    expect(await ordersOf(account.serial)).toEqual([]);

    const covered = await customer('not-tied');
    const notTied = envelope(
      ReplenishmentRequestedEvent,
      request(covered.serial, covered.accountId, { reorderNumber: 'X-9999' }),
    );
    await publish(notTied, ReplenishmentRequestedEvent);
    expect(await recordOf(notTied.payload.requestId)).toMatchObject({
      outcome: 'refused',
      reason: `rows.0.reorderNumber: X-9999 is not an item of serial ${covered.serial}`,
    });
    expect(await ordersOf(covered.serial)).toEqual([]);
  });

  it('mails a supply low once to every user of the account when automatic replenishment is off, never when on', async () => {
    const account = await customer('low', 2);
    const readAt = new Date().toISOString();
    const on = envelope(SupplyLowEvent, {
      serial: account.serial,
      accountId: account.accountId,
      supply: SUPPLY,
      autoReplenishment: true,
      readAt,
    });
    const off = envelope(SupplyLowEvent, { ...on.payload, autoReplenishment: false });
    await publish(on, SupplyLowEvent);
    await publish(off, SupplyLowEvent);
    await publish(off, SupplyLowEvent); // redelivered
    for (const to of account.emails) {
      const email = await mail.waitForMatching(
        to,
        (message) => message.subject === `Supply low on device ${account.serial}`,
      );
      expect(email.text).toContain('Level: 8% (40 of 500)');
      expect(email.text).toContain(`/order?serial=${account.serial}`);
    }
    // A DeviceSilent behind them on the same partition: once it is mailed, they were handled.
    const silent = envelope(DeviceSilentEvent, {
      serial: account.serial,
      accountId: account.accountId,
      lastReadAt: readAt,
      silentAfterDays: 3,
      detectedAt: new Date().toISOString(),
    });
    await publish(silent, DeviceSilentEvent);
    await waitFor('the device-silent email', async () =>
      (await emailsTo(account.emails[0], 'device-silent')).length > 0 ? true : undefined,
    );
    for (const to of account.emails) {
      const lows = await emailsTo(to, 'supply-low');
      expect(lows.map((email) => email._id)).toEqual([
        `supply-low:${off.eventId}:${lows[0]._id.split(':')[2]}`,
      ]);
    }
  });

  it('mails a device silent once, also when the event is redelivered', async () => {
    const account = await customer('silent');
    const silent = envelope(DeviceSilentEvent, {
      serial: account.serial,
      accountId: account.accountId,
      lastReadAt: '2026-11-28T08:30:00.000Z',
      silentAfterDays: 3,
      detectedAt: new Date().toISOString(),
    });
    await publish(silent, DeviceSilentEvent);
    await publish(silent, DeviceSilentEvent);
    const email = await mail.waitForMatching(
      account.emails[0],
      (message) => message.subject === `Device ${account.serial} silent`,
    );
    expect(email.text).toContain('no reading since 28 November 2026, 08:30 UTC (over 3 days)');
    // The next event of the serial mailed means both deliveries were handled.
    const next = envelope(DeviceSilentEvent, { ...silent.payload, silentAfterDays: 4 });
    await publish(next, DeviceSilentEvent);
    await waitFor('the second silence mailed', async () =>
      (await emailsTo(account.emails[0], 'device-silent')).length === 2 ? true : undefined,
    );
    const silences = await emailsTo(account.emails[0], 'device-silent');
    expect(silences.filter((email) => email._id.includes(silent.eventId))).toHaveLength(1);
  });

  it('dead-letters a malformed telemetry event in both consumers and handles the next one', async () => {
    const account = await customer('malformed');
    const bad = envelope(ReplenishmentRequestedEvent, request(account.serial, account.accountId));
    const value = JSON.stringify({ ...bad, payload: { ...bad.payload, quantity: 0 } });
    await kafka.produce(Topics.TelemetryDevice, [
      { key: account.serial, value, headers: eventHeaders(bad) },
    ]);
    for (const [name, letters] of [
      ['ordering', orderingDeadLetters],
      ['notifications', notificationsDeadLetters],
    ] as const) {
      const parked = await waitFor(`the malformed event on ${name}'s dead-letter topic`, async () =>
        letters.find((message) => message.value?.includes(bad.eventId)),
      );
      expect(parked.headers['dlq-reason']).toBe('invalid-payload');
    }
    const good = envelope(ReplenishmentRequestedEvent, request(account.serial, account.accountId));
    await publish(good, ReplenishmentRequestedEvent);
    expect(await recordOf(good.payload.requestId)).toMatchObject({ outcome: 'placed' });
    expect(await ordersOf(account.serial)).toHaveLength(1);
  });
});
