/**
 * Ordering decides alone: with the registry stopped, orders for serials ordering already
 * knows are still accepted (its read models are its own).
 */
import 'reflect-metadata';
import { Customer, OrderingHarness, simpleOrder } from '../../support/ordering/ordering-harness';
import { startComponent, stopComponent } from '../../support/stack-env';
import { itWhenManaged } from '../../support/managed-only';

describe('ordering while the registry is down (real stack)', () => {
  const harness = new OrderingHarness();
  let customer: Customer;

  beforeAll(async () => {
    await harness.start();
    customer = await harness.customer(1);
  }, 600000);

  itWhenManaged(['registry'], 'still shows the serials and accepts orders', async () => {
    await stopComponent('registry');
    try {
      const registry = await harness.gateway.call('/api/devices/X', { token: harness.adminToken });
      expect(registry.status).toBe(503);
      const catalog = await harness.catalog(customer.token);
      expect(catalog.status).toBe(200);
      expect(catalog.body.items.map((serial) => serial.serial)).toEqual(customer.devices.eligible);
      const answer = await harness.place(customer.token, simpleOrder(customer));
      expect(answer.status).toBe(201);
      expect(answer.body.status).toBe('placed');
    } finally {
      await startComponent('registry');
    }
  });
});
