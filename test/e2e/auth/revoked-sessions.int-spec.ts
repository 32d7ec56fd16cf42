/**
 * The revocation store on the real database (FerretDB): a redelivered revocation is a
 * no-op, lookups by _id, expiry with grace, and pruning with deleteMany (no TTL indexes).
 */
import { randomUUID } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';
import {
  REVOCATION_GRACE_MS,
  REVOKED_SESSIONS_COLLECTION,
  RevokedSessionsStore,
} from '@metered/auth';
import { testStackEnv } from '../../support/stack-env';

function entry(expiresAt: Date) {
  return {
    _id: randomUUID(),
    userId: randomUUID(),
    reason: 'logout',
    revokedAt: new Date(),
    expiresAt,
  };
}

describe('RevokedSessionsStore on FerretDB', () => {
  let connection: Connection;
  let store: RevokedSessionsStore;

  beforeAll(async () => {
    const env = testStackEnv();
    const url = new URL(env.MONGO_URL);
    url.pathname = `/${env.MONGO_DB_PREFIX}_auth_library`;
    connection = await mongoose.createConnection(url.toString()).asPromise();
    store = new RevokedSessionsStore(connection);
    await store.onModuleInit();
  });

  afterAll(async () => {
    await connection.close();
  });

  it('records a revocation once, however often it is delivered', async () => {
    const revoked = entry(new Date(Date.now() + 900_000));
    await store.record(revoked);
    await store.record({ ...revoked, reason: 'admin' });
    const stored = await connection
      .collection(REVOKED_SESSIONS_COLLECTION)
      .find({ _id: revoked._id as never })
      .toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0].reason).toBe('logout');
    expect(await store.isRevoked(revoked._id)).toBe(true);
  });

  it('does not know sessions that were never revoked', async () => {
    expect(await store.isRevoked(randomUUID())).toBe(false);
  });

  it('refuses until the grace period after expiresAt is over, then prunes the entry', async () => {
    const recent = entry(new Date(Date.now() - 1_000));
    const old = entry(new Date(Date.now() - REVOCATION_GRACE_MS - 60_000));
    const current = entry(new Date(Date.now() + 900_000));
    await Promise.all([store.record(recent), store.record(old), store.record(current)]);

    expect(await store.isRevoked(recent._id)).toBe(true);
    expect(await store.isRevoked(old._id)).toBe(false);

    expect(await store.pruneExpired()).toBeGreaterThanOrEqual(1);
    const left = await connection
      .collection(REVOKED_SESSIONS_COLLECTION)
      .find({ _id: { $in: [recent._id, old._id, current._id] as never[] } })
      .toArray();
    expect(left.map((doc) => doc._id).sort()).toEqual([recent._id, current._id].sort());
  });
});
