/**
 * Orders as a few concurrent clients send them, and what became of them: stored (GET
 * /api/orders), published (OrderPlaced on Kafka, read by a reader of our own) and confirmed
 * by email (Mailpit) — each counted per order id, duplicates included.
 */
import { OrderPlacedEvent, Topics } from '@metered/contracts';
import { KafkaTestClient } from '../../support/event-platform/kafka-test-client';
import {
  Customer,
  OrderingHarness,
  OrderView,
  simpleOrder,
} from '../../support/ordering/ordering-harness';
import { duplicatesIn, mailTo, sleep } from './resilience-kit';

export interface StreamOutcome {
  sent: number;
  accepted: OrderView[];
  /** Answers other than 201, by status ('network' when there was no answer). */
  refused: Record<string, number>;
}

/** `total` orders from `clients` concurrent clients, spread evenly over `spreadMs`. */
export async function streamOrders(
  harness: OrderingHarness,
  customer: Customer,
  options: { total: number; clients: number; spreadMs: number },
): Promise<StreamOutcome> {
  const outcome: StreamOutcome = { sent: 0, accepted: [], refused: {} };
  const perClient = Math.ceil(options.total / options.clients);
  const gapMs = options.spreadMs / perClient;
  const client = async (index: number) => {
    await sleep((gapMs / options.clients) * index);
    for (let i = 0; i < perClient && outcome.sent < options.total; i++) {
      const started = Date.now();
      outcome.sent++;
      const serialIndex = (index + i) % customer.catalog.length;
      try {
        const answer = await harness.place(customer.token, simpleOrder(customer, serialIndex, 1));
        if (answer.status === 201) outcome.accepted.push(answer.body);
        else outcome.refused[answer.status] = (outcome.refused[answer.status] ?? 0) + 1;
      } catch {
        outcome.refused.network = (outcome.refused.network ?? 0) + 1;
      }
      await sleep(Math.max(0, gapMs - (Date.now() - started)));
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
  return outcome;
}

/** Every order of the customer's account that GET /api/orders lists (all pages). */
export async function storedOrders(
  harness: OrderingHarness,
  customer: Customer,
): Promise<OrderView[]> {
  const all: OrderView[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await harness.orders(customer.token, query);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

export interface PublishedOrder {
  eventId: string;
  orderId: string;
}

/**
 * A reader of ordering's topic from its beginning (a group of its own), keeping the
 * OrderPlaced events of one account.
 */
export async function readOrderPlaced(
  kafka: KafkaTestClient,
  accountId: string,
): Promise<() => PublishedOrder[]> {
  const seen = await kafka.collect([Topics.OrderingOrder]);
  return () =>
    seen
      .filter((message) => message.headers['event-type'] === OrderPlacedEvent.type)
      .map(
        (message) =>
          JSON.parse(message.value ?? '{}') as {
            eventId: string;
            payload: { orderId: string; accountId: string };
          },
      )
      .filter((envelope) => envelope.payload.accountId === accountId)
      .map((envelope) => ({ eventId: envelope.eventId, orderId: envelope.payload.orderId }));
}

/** Order numbers of the confirmation emails in the customer's mailbox, one entry per email. */
export async function confirmationsTo(email: string): Promise<string[]> {
  return (await mailTo(email))
    .map((message) => /^Order (\S+) confirmed$/.exec(message.subject)?.[1])
    .filter((orderNumber): orderNumber is string => orderNumber !== undefined);
}

export { duplicatesIn };
