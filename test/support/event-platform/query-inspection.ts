import type { Kafka, Producer } from 'kafkajs';
import type { Connection, mongo } from 'mongoose';

/** A `find` as the driver sent it, enough to ask the server how it runs it. */
export interface SentFind {
  collection: string;
  filter: mongo.Document;
  sort?: mongo.Document;
  limit?: number;
  projection?: mongo.Document;
}

/**
 * Records every `find` the connection sends (it must be opened with `monitorCommands: true`):
 * what the code under test really asks, not what a test believes it asks.
 */
export function recordFinds(connection: Connection): SentFind[] {
  const sent: SentFind[] = [];
  connection.getClient().on('commandStarted', (event) => {
    if (event.commandName !== 'find') return;
    const { find, filter, sort, limit, projection } = event.command;
    sent.push({ collection: String(find), filter: filter ?? {}, sort, limit, projection });
  });
  return sent;
}

/** FerretDB answers `buildInfo` with its own version next to the MongoDB one it mimics. */
export async function isFerretDb(db: mongo.Db): Promise<boolean> {
  const info = await db.admin().command({ buildInfo: 1 });
  return typeof info.ferretdbVersion === 'string';
}

/**
 * Whether the server can serve the find from an index rather than reading the collection:
 * on FerretDB, that it hands the filter to PostgreSQL (`filterPushdown`, where PostgreSQL's
 * indexes apply; otherwise FerretDB reads and filters every document itself); on MongoDB,
 * that the winning plan scans an index.
 */
export async function servedByIndex(
  db: mongo.Db,
  ferretDb: boolean,
  { collection, filter, sort, limit, projection }: SentFind,
): Promise<boolean> {
  const find = Object.fromEntries(
    Object.entries({ find: collection, filter, sort, limit, projection }).filter(
      ([, value]) => value !== undefined,
    ),
  );
  const explained = await db.command({ explain: find, verbosity: 'queryPlanner' });
  if (ferretDb) {
    if (typeof explained.filterPushdown !== 'boolean')
      throw new Error(`FerretDB's explain has no filterPushdown: ${JSON.stringify(explained)}`);
    return explained.filterPushdown;
  }
  return JSON.stringify(explained.queryPlanner?.winningPlan ?? {}).includes('"IXSCAN"');
}

/** Kafka requests made through producers of a `countingKafka`. */
export interface ProducerRequests {
  send: number;
  sendBatch: number;
}

/**
 * The real client, whose producers count their `send`/`sendBatch` calls before making them:
 * instrumentation around the real thing, every message still goes to the broker.
 */
export function countingKafka(kafka: Kafka, requests: ProducerRequests): Kafka {
  const createProducer = kafka.producer.bind(kafka);
  kafka.producer = (config) => {
    const producer: Producer = createProducer(config);
    const send = producer.send.bind(producer);
    const sendBatch = producer.sendBatch.bind(producer);
    producer.send = (record) => {
      requests.send++;
      return send(record);
    };
    producer.sendBatch = (batch) => {
      requests.sendBatch++;
      return sendBatch(batch);
    };
    return producer;
  };
  return kafka;
}
