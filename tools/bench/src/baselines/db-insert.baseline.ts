import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { runClosedLoop } from '../load/closed-loop';
import { PhaseResult } from '../load/phase-result';
import { BenchSettings } from '../settings';
import { sampleOrderDocument } from './sample-payloads';

/**
 * B_db: the raw driver's `insertOne` of an order-sized document into the database the
 * ordering service uses, at the main run's concurrency. No mongoose, no outbox, no index
 * beyond `_id` — the floor any order write stands on.
 */
export async function measureDatabaseInserts(settings: BenchSettings): Promise<PhaseResult> {
  const client = new MongoClient(settings.mongoUrl, { maxPoolSize: settings.concurrency * 2 });
  await client.connect();
  try {
    const collection = client.db(`${settings.mongoDbPrefix}_ordering`).collection('bench_baseline');
    await collection.insertOne({ _id: `warm-${randomUUID()}` } as never);
    const result = await runClosedLoop(
      'B_db insertOne',
      settings.concurrency,
      settings.baselineMs,
      async () => {
        await collection.insertOne({ _id: randomUUID(), ...sampleOrderDocument() } as never);
        return true;
      },
    );
    await collection.drop().catch(() => undefined);
    return result;
  } finally {
    await client.close();
  }
}
