import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Customer, OrderingHarness, PASSWORD } from '../../support/ordering/ordering-harness';

const SERIALS = 2;

/**
 * One customer (two serials) for all resilience suites of a test run: registering one for real
 * takes ~10 s, and the suites only need someone who can order. Kept in a file named after the
 * run's STACK_SESSION (each suite file has its own module registry); signed in afresh, since
 * a whole CI run outlasts an access token.
 */
export async function sharedCustomer(harness: OrderingHarness): Promise<Customer> {
  const file = join(tmpdir(), `metered-resilience-${process.env.STACK_SESSION ?? 'local'}.json`);
  if (existsSync(file)) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Customer;
      const login = await harness.login(saved.email, PASSWORD);
      const catalog = await harness.waitForCatalog(
        login.accessToken,
        (items) => items.length >= SERIALS,
        10_000,
      );
      return { ...saved, token: login.accessToken, catalog };
    } catch {
      // e.g. the stack was restarted with a fresh database: register a new one
    }
  }
  const customer = await harness.customer(SERIALS);
  // The suites stream hundreds of orders for these two serials: like a high-volume site, the
  // item gets an allowance above the load, so every order is placed (not held) and confirmed.
  await harness.gateway.expect(
    200,
    `/api/orders/allowances/${encodeURIComponent(customer.devices.reorderNumber)}`,
    { method: 'PUT', token: harness.adminToken, body: { allowanceBottles: 10_000 } },
  );
  writeFileSync(file, JSON.stringify(customer));
  return customer;
}
