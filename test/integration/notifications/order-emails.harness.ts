/**
 * Order-email fixtures: events as identity and ordering would publish them (built with
 * createEnvelope, so they pass the contracts' validation), for accounts and users made up
 * per test.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  OrderCancelledEvent,
  OrderHeldEvent,
  OrderPlacedEvent,
  OrderReleasedEvent,
  OrderShippedEvent,
  OrderSnapshot,
  RegistrationApprovedEvent,
  UserActivatedEvent,
} from '@metered/contracts';
import { createEnvelope, EventDefinition, EventEnvelope } from '@metered/event-platform';
import { serial, suffix, uniqueEmail } from './notifications-harness';
import { SAMPLE_ORDER_ROWS } from '../../support/notifications/sample-order-rows';

function envelope<P extends object>(definition: EventDefinition<P>, payload: P): EventEnvelope<P> {
  return createEnvelope(definition, payload, {
    producer: 'integration-test',
    correlationId: `order-mail-test-${suffix()}`,
  });
}

/** A made-up customer account with its first user. */
export interface TestAccount {
  accountId: string;
  userId: string;
  email: string;
  contactName: string;
  serial: string;
}

export function testAccount(label: string): TestAccount {
  return {
    accountId: randomUUID(),
    userId: randomUUID(),
    email: uniqueEmail(`order-${label}`),
    contactName: `Olga ${label}`,
    serial: serial(),
  };
}

export function registrationApproved(account: TestAccount) {
  return envelope(RegistrationApprovedEvent, {
    registrationId: randomUUID(),
    accountId: account.accountId,
    userId: account.userId,
    company: 'Tinker & <Sons>',
    contactName: account.contactName,
    email: account.email,
    country: 'US',
    shipTo: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
    serials: [account.serial],
    approvedBy: randomUUID(),
    approvedAt: new Date().toISOString(),
  });
}

export function userActivated(email: string, accountId?: string, roles = ['customer']) {
  return envelope(UserActivatedEvent, {
    userId: randomUUID(),
    ...(accountId ? { accountId } : {}),
    email,
    roles,
    activatedAt: new Date().toISOString(),
  });
}

export function orderSnapshot(
  account: TestAccount,
  status: OrderSnapshot['status'],
): OrderSnapshot {
  return {
    orderId: randomUUID(),
    orderNumber: `MS-260301-${randomBytes(3).toString('hex').toUpperCase()}`,
    accountId: account.accountId,
    company: 'Tinker & <Sons>',
    country: 'US',
    serial: account.serial,
    model: { code: 'VL-C405', name: 'VersaLink C405', family: 'office' },
    shipTo: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
    rows: SAMPLE_ORDER_ROWS.map((row) => ({ ...row })),
    channel: 'web',
    shippingMethod: 'standard',
    placedBy: account.userId,
    placedAt: new Date().toISOString(),
    status,
  };
}

export const orderPlaced = (order: OrderSnapshot) =>
  envelope(OrderPlacedEvent, { ...order, status: 'placed' });

export const orderHeld = (order: OrderSnapshot) =>
  envelope(OrderHeldEvent, {
    ...order,
    status: 'held',
    holdReason: `Held for review: more stock than expected for 106R03500: 1 onsite + 2 ordered exceeds the allowance of 2. The Supplies Helpdesk reviews it shortly.`,
    heldRows: [
      { reorderNumber: '106R03500', onsiteBottles: 1, orderedBottles: 2, allowanceBottles: 2 },
    ],
  });

export const orderReleased = (order: OrderSnapshot, note: string) =>
  envelope(OrderReleasedEvent, {
    ...order,
    status: 'released',
    releasedBy: randomUUID(),
    releasedAt: new Date().toISOString(),
    note,
  });

export const orderCancelled = (order: OrderSnapshot, reason: string) =>
  envelope(OrderCancelledEvent, {
    ...order,
    status: 'cancelled',
    cancelledBy: randomUUID(),
    cancelledByRole: 'helpdesk',
    reason,
    cancelledAt: new Date().toISOString(),
  });

export const orderShipped = (order: OrderSnapshot, trackingNumber: string) =>
  envelope(OrderShippedEvent, {
    ...order,
    status: 'shipped',
    carrier: 'UPS',
    trackingNumber,
    shippedAt: new Date().toISOString(),
  });
