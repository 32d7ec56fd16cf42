/**
 * Derivation reads the ingest batches of every fetch it handles, and the batches hold their
 * readings (three days of them are kept): the lookup must be one PostgreSQL can serve from
 * an index, not one FerretDB answers by decoding every stored batch. Real database; on
 * MongoDB the same test checks the plan scans an index.
 */
import mongoose, { Connection, Model, mongo } from 'mongoose';
import {
  INGEST_BATCH_MODEL,
  IngestBatchSchema,
  READING_MODEL,
  ReadingSchema,
} from '../../../apps/telemetry/src/ingest/persistence/ingest.schemas';
import {
  MongoReadingsRepository,
  ReadingsRepository,
} from '../../../apps/telemetry/src/ingest/persistence/readings.repository';
import { databaseUri, runId } from '../../support/event-platform/probe-event';
import {
  isFerretDb,
  recordFinds,
  SentFind,
  servedByIndex,
} from '../../support/event-platform/query-inspection';

const run = runId();

describe("derivation's ingest batch lookup on the real database", () => {
  let connection: Connection;
  let db: mongo.Db;
  let ferretDb: boolean;
  let finds: SentFind[];
  let repository: ReadingsRepository;
  let batches: Model<{ _id: string; createdAt: Date; devices: object[] }>;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(databaseUri('telemetry_lookup'), { monitorCommands: true })
      .asPromise();
    db = connection.db!;
    ferretDb = await isFerretDb(db);
    const collection = `ingest_batches_${run}`;
    batches = connection.model(`${INGEST_BATCH_MODEL}_${run}`, IngestBatchSchema, collection);
    const readings = connection.model(`${READING_MODEL}_${run}`, ReadingSchema, `readings_${run}`);
    await batches.insertMany(
      Array.from({ length: 5 }, (_, i) => ({
        _id: `batch-${i}-${run}`,
        createdAt: new Date(),
        devices: [{ serial: `SER${i}`, readings: [{ readAt: new Date().toISOString() }] }],
      })),
    );
    // Only findBatches is exercised: it never touches the outbox.
    repository = new MongoReadingsRepository(
      readings as never,
      batches as never,
      undefined as never,
    );
    finds = recordFinds(connection);
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  it('finds the named batches (each once, an unknown one left out) with index-served finds only', async () => {
    finds.length = 0;
    const found = await repository.findBatches([
      `batch-1-${run}`,
      `batch-3-${run}`,
      `batch-1-${run}`,
      `missing-${run}`,
    ]);
    expect([...found.keys()].sort()).toEqual([`batch-1-${run}`, `batch-3-${run}`]);
    expect(found.get(`batch-3-${run}`)?.devices).toEqual([
      expect.objectContaining({ serial: 'SER3' }),
    ]);
    const onBatches = finds.filter((find) => find.collection === batches.collection.name);
    expect(onBatches.length).toBeGreaterThan(0);
    for (const find of onBatches) {
      expect({
        filter: find.filter,
        servedByIndex: await servedByIndex(db, ferretDb, find),
      }).toEqual({
        filter: find.filter,
        servedByIndex: true,
      });
    }
  });

  it('asks nothing for no batch', async () => {
    finds.length = 0;
    expect((await repository.findBatches([])).size).toBe(0);
    expect(finds).toHaveLength(0);
  });
});
