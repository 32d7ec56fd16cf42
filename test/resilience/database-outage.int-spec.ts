/**
 * Fault 3 — the database (FerretDB) stops for a while. Every service answers 503 with
 * Retry-After within a few seconds (never 500, never a hang), readiness goes red; once the
 * database is back everything recovers by itself: an order can be placed again.
 */
import 'reflect-metadata';
import { SERVICE_NAMES, ServiceName } from '@metered/service-kit';
import { Customer, OrderingHarness, simpleOrder } from '../support/ordering/ordering-harness';
import { appUrl, startComponent, stopComponent } from '../support/stack-env';
import { logBookmark } from './support/app-log';
import { NIGHTLY, printCounts, sleep } from './support/resilience-kit';
import { sharedCustomer } from './support/shared-customer';
import { itWhenManaged } from '../support/managed-only';

const OUTAGE_ROUNDS = NIGHTLY ? 6 : 2;
/** A request must be answered within this (the driver gives up after ~3 s). */
const ANSWER_WITHIN_MS = 6000;

interface Probe {
  what: string;
  path: string;
  method?: 'GET' | 'POST';
  token?: 'customer' | 'admin';
  body?: () => unknown;
}

interface Answer {
  what: string;
  status: number | 'timeout';
  retryAfter: string | null;
  ms: number;
}

describe('database outage (real stack)', () => {
  const harness = new OrderingHarness();
  let customer: Customer;

  beforeAll(async () => {
    await harness.start();
    customer = await sharedCustomer(harness);
  }, 300_000);

  const probes = (): Probe[] => [
    { what: 'ordering: list orders', path: '/api/orders', token: 'customer' },
    {
      what: 'ordering: place an order',
      path: '/api/orders',
      method: 'POST',
      token: 'customer',
      body: () => simpleOrder(customer),
    },
    { what: 'ordering: catalog', path: '/api/orders/catalog/serials', token: 'customer' },
    { what: 'registry: account', path: `/api/accounts/${customer.accountId}`, token: 'customer' },
    { what: 'notifications: email log', path: '/api/emails?limit=1', token: 'admin' },
    { what: 'identity: users', path: '/api/users', token: 'admin' },
  ];

  async function ask(probe: Probe): Promise<Answer> {
    const token = probe.token === 'admin' ? harness.adminToken : customer.token;
    const started = Date.now();
    try {
      const response = await fetch(`${appUrl('gateway')}${probe.path}`, {
        method: probe.method ?? 'GET',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: probe.body ? JSON.stringify(probe.body()) : undefined,
        signal: AbortSignal.timeout(15_000),
      });
      await response.arrayBuffer();
      return {
        what: probe.what,
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        ms: Date.now() - started,
      };
    } catch {
      return { what: probe.what, status: 'timeout', retryAfter: null, ms: Date.now() - started };
    }
  }

  const ready = async (service: ServiceName) =>
    (await fetch(`${appUrl(service)}/health/ready`, { signal: AbortSignal.timeout(5000) })).status;

  itWhenManaged(
    ['ferretdb'],
    'answers 503 with Retry-After while the database is gone and recovers by itself',
    async () => {
      const services = SERVICE_NAMES.filter((name) => name !== 'gateway');
      const logs = Object.fromEntries(services.map((name) => [name, logBookmark(name)]));
      const during: Answer[] = [];
      const readiness: Record<string, number> = {};
      await stopComponent('ferretdb');
      const stoppedAt = Date.now();
      try {
        for (let round = 0; round < OUTAGE_ROUNDS; round++) {
          during.push(...(await Promise.all(probes().map((probe) => ask(probe)))));
          await sleep(2000);
        }
        for (const service of services) readiness[service] = await ready(service);
      } finally {
        await startComponent('ferretdb');
      }
      const outageMs = Date.now() - stoppedAt;

      // Recovery without help: an order is accepted again, every service is ready.
      const backAt = Date.now();
      let placed = 0;
      while (Date.now() - backAt < 120_000) {
        placed = (await harness.place(customer.token, simpleOrder(customer))).status;
        if (placed === 201) break;
        await sleep(1000);
      }
      const orderAfterMs = Date.now() - backAt;
      const readyAfter: Record<string, number> = {};
      for (const service of services) {
        const deadline = Date.now() + 90_000;
        while ((readyAfter[service] = await ready(service)) !== 200 && Date.now() < deadline) {
          await sleep(1000);
        }
      }
      const after = await Promise.all(probes().map((probe) => ask(probe)));
      const reconnects = Object.fromEntries(
        services.map((name) => [name, (logs[name]().match(/reconnecting/g) ?? []).length]),
      );

      const count = (status: number | 'timeout') =>
        during.filter((a) => a.status === status).length;
      printCounts('database-outage', {
        sent: during.length,
        answered503: count(503),
        withRetryAfter: during.filter((a) => a.status === 503 && a.retryAfter).length,
        answered500: during.filter(
          (a) => typeof a.status === 'number' && a.status >= 500 && a.status !== 503,
        ).length,
        hung: count('timeout'),
        slowestMs: Math.max(...during.map((a) => a.ms)),
        outageMs,
        orderAcceptedAfterMs: orderAfterMs,
        watchdogReconnects: Object.values(reconnects).reduce((sum, n) => sum + n, 0),
        duplicates: 0,
        lost: 0,
      });
      const odd = during.filter(
        (a) => a.status !== 503 || !a.retryAfter || a.ms > ANSWER_WITHIN_MS,
      );
      if (odd.length > 0)
        console.log(`unexpected answers during the outage: ${JSON.stringify(odd)}`);
      console.log(
        `readiness during: ${JSON.stringify(readiness)}; reconnects: ${JSON.stringify(reconnects)}`,
      );

      expect(odd).toEqual([]);
      for (const service of services) expect(readiness[service]).toBe(503);
      expect(placed).toBe(201);
      expect(readyAfter).toEqual(Object.fromEntries(services.map((name) => [name, 200])));
      expect(after.filter((a) => a.status !== 200 && a.status !== 201)).toEqual([]);
    },
    420_000,
  );
});
