/**
 * Fault 1 — the Kafka broker crashes (SIGKILL) while customers place orders and comes back
 * 10–20 s later. Counted end to end: every order the API accepted (201) is stored, published
 * as OrderPlaced exactly once, and confirmed by exactly one email.
 */
import 'reflect-metadata';
import { KafkaTestClient } from '../support/event-platform/kafka-test-client';
import { waitFor } from '../support/event-platform/wait-for';
import { Customer, OrderingHarness } from '../support/ordering/ordering-harness';
import { killComponent, startComponent } from '../support/stack-env';
import {
  confirmationsTo,
  duplicatesIn,
  readOrderPlaced,
  storedOrders,
  streamOrders,
} from './support/order-stream';
import { NIGHTLY, printCounts, sleep, waitForReadyApps } from './support/resilience-kit';
import { sharedCustomer } from './support/shared-customer';
import { itWhenManaged } from '../support/managed-only';

const LOAD = NIGHTLY
  ? { total: 200, clients: 8, spreadMs: 45_000, killAfterMs: 8_000, downForMs: 20_000 }
  : { total: 40, clients: 4, spreadMs: 15_000, killAfterMs: 3_000, downForMs: 10_000 };

describe('Kafka broker crash while orders stream in (real stack)', () => {
  const harness = new OrderingHarness();
  const kafka = new KafkaTestClient();
  let customer: Customer;

  beforeAll(async () => {
    await harness.start();
    customer = await sharedCustomer(harness);
  }, 300_000);

  afterAll(() => kafka.close());

  itWhenManaged(
    ['kafka'],
    'stores, publishes once and confirms once every accepted order',
    async () => {
      let killed = false;
      let restarted = false;
      const crash = async () => {
        await sleep(LOAD.killAfterMs);
        await killComponent('kafka');
        killed = true;
        await sleep(LOAD.downForMs);
        await startComponent('kafka');
        restarted = true;
      };
      let stream;
      try {
        [stream] = await Promise.all([streamOrders(harness, customer, LOAD), crash()]);
      } finally {
        if (killed && !restarted) await startComponent('kafka');
      }
      const accepted = stream.accepted;
      const ids = new Set(accepted.map((order) => order.orderId));
      const numbers = new Set(accepted.map((order) => order.orderNumber));

      const stored = (await storedOrders(harness, customer)).filter((o) => ids.has(o.orderId));
      const published = await readOrderPlaced(kafka, customer.accountId);
      await waitFor(
        `OrderPlaced of all ${ids.size} accepted orders`,
        () => new Set(published().map((event) => event.orderId)).size >= ids.size,
        150_000,
        500,
      );
      await waitFor(
        `confirmation emails of all ${ids.size} accepted orders`,
        async () => new Set(await confirmationsTo(customer.email)).size >= ids.size,
        150_000,
        1000,
      );
      await sleep(2000); // a late duplicate would show up now
      const events = published().filter((event) => ids.has(event.orderId));
      const emailed = (await confirmationsTo(customer.email)).filter((n) => numbers.has(n));
      const storedIds = new Set(stored.map((order) => order.orderId));
      const publishedIds = new Set(events.map((event) => event.orderId));
      const emailedNumbers = new Set(emailed);
      const lost = accepted.filter(
        (order) =>
          !storedIds.has(order.orderId) ||
          !publishedIds.has(order.orderId) ||
          !emailedNumbers.has(order.orderNumber),
      ).length;
      const counts = {
        sent: stream.sent,
        accepted: accepted.length,
        stored: storedIds.size,
        published: publishedIds.size,
        emailed: emailedNumbers.size,
        // At least once (docs/events.md): a send the killed broker took but never answered is
        // sent again with the same eventId. Counted and bounded (one relay batch of 50); a
        // second event for one order is a duplicate.
        republished: duplicatesIn(events.map((event) => event.eventId)),
        duplicates:
          duplicatesIn([...new Map(events.map((e) => [e.eventId, e.orderId])).values()]) +
          duplicatesIn(emailed) +
          duplicatesIn(stored.map((order) => order.orderId)),
        lost,
      };
      printCounts('kafka-broker-crash', counts);
      if (Object.keys(stream.refused).length > 0) {
        console.log(`answers other than 201: ${JSON.stringify(stream.refused)}`);
      }

      // Later suites need every consumer back in its group, not only the broker.
      await waitForReadyApps();

      expect(stream.refused).toEqual({}); // placing an order never waits for Kafka (outbox)
      expect(counts).toEqual({
        sent: LOAD.total,
        accepted: LOAD.total,
        stored: LOAD.total,
        published: LOAD.total,
        emailed: LOAD.total,
        republished: counts.republished <= 50 ? counts.republished : -1,
        duplicates: 0,
        lost: 0,
      });
    },
    480_000,
  );
});
