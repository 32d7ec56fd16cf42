/**
 * Customers' requests to the helpdesk (more machines, an item not listed) and their
 * decisions, published as the registry publishes them, become one email each to the
 * requester in Mailpit — a redelivered event included.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  MachinesRequestDecidedEvent,
  MachinesRequestedEvent,
  SupplyItemRequestDecidedEvent,
  SupplyItemRequestedEvent,
} from '@metered/contracts';
import { createEnvelope, EventDefinition } from '@metered/event-platform';
import { KafkaTestClient } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';
import {
  mailCapture,
  notificationsWorld,
  publish,
  serial,
  suffix,
  uniqueEmail,
} from './notifications-harness';

const agent = { userId: randomUUID(), email: 'hal@metered.example', roles: ['helpdesk' as const] };

function requestHeader(email: string) {
  return {
    requestId: randomUUID(),
    accountId: randomUUID(),
    company: 'Tinker & <Sons>',
    country: 'US',
    requestedBy: { userId: randomUUID(), email, roles: ['customer' as const] },
  };
}

// The definitions are typed by the header their keyOf reads: say which payload is meant.
function event<P extends object>(definition: EventDefinition<object>, payload: P) {
  return createEnvelope(definition as EventDefinition<P>, payload, {
    producer: 'integration-test',
    correlationId: `request-test-${suffix()}`,
  });
}

describe('emails about requests to the helpdesk', () => {
  const kafka = new KafkaTestClient();
  const mail = mailCapture();
  notificationsWorld(kafka);

  async function mailsTo(email: string, count: number) {
    await waitFor(`${count} emails to ${email}`, async () => {
      const messages = await mail.messagesTo(email);
      return messages.length >= count ? messages : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 1000)); // nothing more arrives
    return mail.messagesTo(email);
  }

  it('mails an add-machine request once with each check, a redelivery included, then its approval', async () => {
    const email = uniqueEmail('machines');
    const header = requestHeader(email);
    const [good, uncovered] = [serial(), serial()];
    const requested = event(MachinesRequestedEvent, {
      ...header,
      proofSerial: serial(),
      checks: [
        { serial: good, outcome: 'eligible', message: 'Covered by an active contract.' },
        { serial: uncovered, outcome: 'no-active-contract', message: 'No active contract.' },
      ],
      requestedAt: new Date().toISOString(),
    });
    const decided = event(MachinesRequestDecidedEvent, {
      ...header,
      decision: 'approved',
      approvedSerials: [good],
      decidedBy: agent,
      decidedAt: new Date().toISOString(),
    });
    await publish(kafka, requested, MachinesRequestedEvent);
    await publish(kafka, requested, MachinesRequestedEvent); // redelivered
    await publish(kafka, decided, MachinesRequestDecidedEvent); // same key: consumed after both

    const messages = await mailsTo(email, 2);
    expect(messages.map((m) => m.subject).sort()).toEqual([
      'We received your request to add machines',
      'Your request to add machines was approved',
    ]);
    const received = messages.find((m) => m.subject.startsWith('We received'))!;
    expect(received.text).toContain(`${good}: eligible`);
    expect(received.text).toContain(`${uncovered}: no active Metered Supplies contract`);
    expect(received.html).toContain('Tinker &amp; &lt;Sons&gt;');
    const approved = messages.find((m) => m.subject.endsWith('approved'))!;
    expect(approved.text).toContain(good);
    expect(approved.text).not.toContain(uncovered);
  });

  it('mails an item request and its decline with the reason', async () => {
    const email = uniqueEmail('item');
    const header = requestHeader(email);
    const item = { serial: serial(), reorderNumber: `RQ-${suffix().toUpperCase()}` };
    await publish(
      kafka,
      event(SupplyItemRequestedEvent, {
        ...header,
        ...item,
        note: 'the cyan one',
        requestedAt: new Date().toISOString(),
      }),
      SupplyItemRequestedEvent,
    );
    await publish(
      kafka,
      event(SupplyItemRequestDecidedEvent, {
        ...header,
        ...item,
        decision: 'declined',
        reason: 'does not fit this model',
        decidedBy: agent,
        decidedAt: new Date().toISOString(),
      }),
      SupplyItemRequestDecidedEvent,
    );
    const messages = await mailsTo(email, 2);
    const received = messages.find((m) => m.subject.startsWith('We received'))!;
    expect(received.subject).toBe(`We received your request for supply item ${item.reorderNumber}`);
    expect(received.text).toContain('Your note: the cyan one');
    const declined = messages.find((m) => m.subject.endsWith('declined'))!;
    expect(declined.text).toContain('Reason: does not fit this model');
    expect(declined.text).toContain(item.serial);
    expect(messages).toHaveLength(2);
  });
});
