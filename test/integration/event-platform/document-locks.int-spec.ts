/**
 * Why every write of an outbox document takes a lock: FerretDB 1.24 applies an update as
 * read → modify → overwrite, so concurrent writers of one document lose updates. The
 * insert-based DocumentLocks serialize them; a crashed holder's lock expires.
 */
import mongoose, { Connection, mongo } from 'mongoose';
import {
  DOCUMENT_LOCK_COLLECTION,
  DocumentLocks,
  DocumentLockTimeoutError,
  LockDocument,
  LockStore,
} from '@metered/event-platform';
import { databaseUri, runId } from '../../support/event-platform/probe-event';

const run = runId();
const service = `ep-locks-${run}`;

describe('document locks on FerretDB', () => {
  const connections: Connection[] = [];
  let db: Connection;

  const counterOf = async (id: string) =>
    (await db.collection<{ _id: string; n: number }>('counters').findOne({ _id: id }))?.n;

  /** A read-modify-write that loses updates when two run at once. */
  async function increment(connection: Connection, id: string): Promise<void> {
    const counters = connection.collection<{ _id: string; n: number }>('counters');
    const current = await counters.findOne({ _id: id });
    await counters.updateOne({ _id: id }, { $set: { n: (current?.n ?? 0) + 1 } });
  }

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      connections.push(await mongoose.createConnection(databaseUri(service)).asPromise());
    }
    db = connections[0];
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await Promise.all(connections.map((connection) => connection.close()));
  });

  it('serializes concurrent read-modify-writes of one document across connections', async () => {
    await db.collection('counters').insertMany([
      { _id: 'locked', n: 0 },
      { _id: 'unlocked', n: 0 },
    ] as never[]);
    const perConnection = 15;
    await Promise.all(
      connections.flatMap((connection) =>
        Array.from({ length: perConnection }, () => increment(connection, 'unlocked')),
      ),
    );
    await Promise.all(
      connections.flatMap((connection) => {
        const locks = new DocumentLocks(() => connection.db as mongo.Db, { waitMs: 30000 });
        return Array.from({ length: perConnection }, () =>
          locks.withLock('counters', 'locked', () => increment(connection, 'locked')),
        );
      }),
    );
    const expected = connections.length * perConnection;
    const unlocked = await counterOf('unlocked');
    console.log(
      `${expected} concurrent increments: without lock ${unlocked}, with lock ${await counterOf('locked')}`,
    );
    expect(await counterOf('locked')).toBe(expected);
    expect(await db.collection(DOCUMENT_LOCK_COLLECTION).countDocuments({})).toBe(0);
  });

  it("takes over a crashed holder's lock once it expired", async () => {
    const locks = new DocumentLocks(() => db.db as mongo.Db, { waitMs: 2000 });
    await db.collection<LockDocument>(DOCUMENT_LOCK_COLLECTION).insertOne({
      _id: DocumentLocks.lockId('counters', 'crashed'),
      owner: 'a-process-that-died',
      expiresAt: new Date(Date.now() - 1000),
    });
    await expect(locks.withLock('counters', 'crashed', async () => 'ran')).resolves.toBe('ran');
  });

  it('gives up on a document that stays locked, with a clear error', async () => {
    const holder = new DocumentLocks(() => db.db as mongo.Db);
    const waiter = new DocumentLocks(() => db.db as mongo.Db, { waitMs: 300 });
    let release: () => void = () => undefined;
    const held = holder.withLock(
      'counters',
      'busy',
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(waiter.withLock('counters', 'busy', async () => 'ran')).rejects.toBeInstanceOf(
      DocumentLockTimeoutError,
    );
    release();
    await held;
    await expect(waiter.withLock('counters', 'busy', async () => 'ran')).resolves.toBe('ran');
  });

  it('grants a lease to exactly one of several contenders', async () => {
    const stores = connections.map(
      (connection) =>
        new LockStore(() => (connection.db as mongo.Db).collection<LockDocument>('leases')),
    );
    const granted = await Promise.all(
      stores.map((store, i) => store.tryAcquire('svc', `owner-${i}`, 5000)),
    );
    expect(granted.filter(Boolean)).toHaveLength(1);
    const winner = granted.indexOf(true);
    expect(await stores[(winner + 1) % 3].tryAcquire('svc', 'late', 5000)).toBe(false);
    expect(await stores[winner].renew('svc', `owner-${winner}`, 5000)).toBe(true);
    await stores[winner].release('svc', `owner-${winner}`);
    expect(await stores[(winner + 1) % 3].tryAcquire('svc', 'late', 5000)).toBe(true);
  });
});
