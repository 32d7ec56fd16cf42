/**
 * What the security suites share: the real stack through the gateway, one signed-in user per
 * role — staff created by the admin (set-password link from the mail capture) and two
 * customers of different accounts registered through the real flow — and a placed order of
 * the first customer, so "another account's" resources are real ones.
 */
import { Role } from '@metered/contracts/reference';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { Customer, OrderingHarness, PASSWORD } from '../../support/ordering/ordering-harness';
import { uniqueTag } from '../../support/registration/master-data.fixture';

/** Every kind of caller the matrix tells apart; `otherCustomer` is a customer of account B. */
export const CALLERS = [
  'anonymous',
  'customer',
  'otherCustomer',
  'helpdesk',
  'validator',
  'ops',
  'admin',
] as const;
export type Caller = (typeof CALLERS)[number];

export const STAFF: readonly Role[] = ['helpdesk', 'validator', 'ops', 'admin'];

export interface SecurityWorld {
  harness: OrderingHarness;
  gateway: GatewayClient;
  gatewayUrl: string;
  tokens: Record<Exclude<Caller, 'anonymous'>, string>;
  /** Account A (the `customer` caller) and its resources. */
  customer: Customer;
  /** Account B (the `otherCustomer` caller). */
  otherCustomer: Customer;
  orderId?: string;
}

/** A staff user with exactly `role`, password set through the emailed link. */
async function staffUser(harness: OrderingHarness, role: Role): Promise<LoginAnswer> {
  const email = `sec-${role}.${uniqueTag(8).toLowerCase()}@staff.metered.test`;
  await harness.gateway.expect(201, '/api/users', {
    token: harness.adminToken,
    body: { email, name: `Security ${role}`, roles: [role], country: 'US' },
  });
  await harness.flow.setPasswordFromEmail(email, PASSWORD);
  return harness.login(email, PASSWORD);
}

export interface WorldOptions {
  /** Place an order of account A (default false). */
  order?: boolean;
  /** Create the helpdesk, validator and ops users and account B (default true). */
  everyone?: boolean;
}

export async function securityWorld(options: WorldOptions = {}): Promise<SecurityWorld> {
  const harness = new OrderingHarness();
  await harness.start();
  const everyone = options.everyone ?? true;
  const [customer, otherCustomer, helpdesk, validator, ops] = await Promise.all([
    harness.customer(1),
    everyone ? harness.customer(1) : null,
    everyone ? staffUser(harness, 'helpdesk') : null,
    everyone ? staffUser(harness, 'validator') : null,
    everyone ? staffUser(harness, 'ops') : null,
  ]);
  const admin = harness.adminToken;
  const world: SecurityWorld = {
    harness,
    gateway: harness.gateway,
    gatewayUrl: harness.gateway.baseUrl,
    tokens: {
      customer: customer.token,
      // Without everyone, the admin stands in (suites that use only customer and admin).
      otherCustomer: otherCustomer?.token ?? admin,
      helpdesk: helpdesk?.accessToken ?? admin,
      validator: validator?.accessToken ?? admin,
      ops: ops?.accessToken ?? admin,
      admin,
    },
    customer,
    otherCustomer: otherCustomer ?? customer,
  };
  if (options.order) world.orderId = await placeOrder(world);
  return world;
}

/** One small order of account A (placed or held: either is a real order of A). */
async function placeOrder(world: SecurityWorld): Promise<string> {
  const serial = world.customer.catalog[0];
  const item = serial.items[0];
  const placed = await world.harness.place(world.customer.token, {
    serial: serial.serial,
    rows: [
      { reorderNumber: item.reorderNumber, fullCartonsOnsite: 0, bottlesOnsite: 0, quantity: 1 },
    ],
  });
  if (placed.status !== 201) {
    throw new Error(`placing an order answered ${placed.status} ${JSON.stringify(placed.body)}`);
  }
  return placed.body.orderId;
}
