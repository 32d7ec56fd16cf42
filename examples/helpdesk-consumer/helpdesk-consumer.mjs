#!/usr/bin/env node
// A "helpdesk system" of another team reading Metered Supplies' order events, as any outside
// consumer would: its own consumer group, only kafkajs, the contract from docs/asyncapi.yaml.
// Prints one JSON line per order event it understands. See README.md.
import { Kafka, logLevel } from 'kafkajs';

const TOPIC = 'ordering.order.v1';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const groupId = process.env.GROUP_ID ?? 'helpdesk-system';
const fromBeginning = process.env.FROM_BEGINNING === 'true';

// The versions this consumer was written against. Newer versions of a type are published
// side by side with these during a migration (docs/events.md), so skipping them is safe.
const KNOWN = {
  OrderPlaced: 1,
  OrderHeld: 1,
  OrderReleased: 1,
  OrderCancelled: 1,
  OrderShipped: 1,
  OrderDelivered: 1,
};

// Delivery is at least once: remember what was handled. A real system keeps this in its
// database, in the same transaction as its own change.
const handled = new Set();

function print(line) {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Reads only what it needs and ignores fields it does not know (additive changes). */
function summarise(envelope) {
  const { payload } = envelope;
  return {
    event: envelope.type,
    eventId: envelope.eventId,
    correlationId: envelope.correlationId,
    occurredAt: envelope.occurredAt,
    orderId: payload.orderId,
    orderNumber: payload.orderNumber,
    serial: payload.serial,
    company: payload.company,
    status: payload.status,
  };
}

async function main() {
  const kafka = new Kafka({ clientId: groupId, brokers, logLevel: logLevel.WARN });
  const consumer = kafka.consumer({ groupId });
  consumer.on(consumer.events.GROUP_JOIN, () => print({ ready: true, groupId, topic: TOPIC }));
  await consumer.connect();
  await consumer.subscribe({ topics: [TOPIC], fromBeginning });
  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      const type = message.headers?.['event-type']?.toString();
      const version = Number(message.headers?.['event-version']?.toString());
      if (!type || KNOWN[type] !== version) return; // not for us (or a version we do not read)
      let envelope;
      try {
        envelope = JSON.parse(message.value?.toString('utf8') ?? '');
      } catch {
        print({ skipped: 'not JSON', partition, offset: message.offset });
        return;
      }
      if (handled.has(envelope.eventId)) return;
      handled.add(envelope.eventId);
      print(summarise(envelope));
    },
  });
  const stop = async () => {
    await consumer.disconnect().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
