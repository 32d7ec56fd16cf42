/**
 * The cumulative allowance from several ordering replicas against real FerretDB: placements
 * that run truly at once (every one reads the serial's live orders before any inserts) still
 * place at most the allowance, because a placed order must win the unique chain position it
 * decided on; the losers read the winner and are held. No lock document, no in-process mutex.
 */
import 'reflect-metadata';
import mongoose from 'mongoose';
import { databaseUri, runId } from '../../support/event-platform/probe-event';
import { OrderingReplica, seedSerialOfNewAccount } from '../../support/ordering/placement-replica';

const run = runId();
const service = `ordering-allowance-${run}`;
const REPLICAS = 2;
const ALLOWANCE_BOTTLES = 8; // ORDER_ALLOWANCE_CARTONS (2) × 4 bottles per carton

describe('the cumulative allowance from several ordering replicas (real FerretDB)', () => {
  const replicas: OrderingReplica[] = [];
  let db: mongoose.Connection;

  beforeAll(async () => {
    for (let i = 0; i < REPLICAS; i++) {
      // Every placement reads the database here: the race is decided by the chain alone.
      replicas.push(await OrderingReplica.start({ service, env: { PLACEMENT_CACHE: 'off' } }));
    }
    db = await mongoose.createConnection(databaseUri(service)).asPromise();
  });

  afterAll(async () => {
    await db.dropDatabase().catch(() => undefined);
    await db.close();
    await Promise.all(replicas.map((replica) => replica.close()));
  });

  it('places at most the allowance of 20 orders sent at once through two replicas; the others are held', async () => {
    const { serial, user } = await seedSerialOfNewAccount(db);
    const body = {
      serial,
      rows: [{ reorderNumber: 'R-1000', fullCartonsOnsite: 0, bottlesOnsite: 0, quantity: 4 }],
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => replicas[i % REPLICAS].placing.place({ user, body })),
    );
    const placed = results.filter((result) => result.order.status === 'placed');
    const held = results.filter((result) => result.order.status === 'held');
    expect(placed).toHaveLength(ALLOWANCE_BOTTLES / 4);
    expect(held).toHaveLength(20 - ALLOWANCE_BOTTLES / 4);
    for (const { order } of held) {
      expect(order.heldRows).toEqual([
        {
          reorderNumber: 'R-1000',
          onsiteBottles: 0,
          alreadyOrderedBottles: ALLOWANCE_BOTTLES,
          orderedBottles: 4,
          allowanceBottles: ALLOWANCE_BOTTLES,
        },
      ]);
    }
    // What is stored agrees: the placed orders hold positions 1 and 2 of the serial's chain.
    const stored = await db
      .collection('orders')
      .find({ serial, status: 'placed' }, { projection: { chainLink: 1 } })
      .toArray();
    expect(stored.map((order) => order.chainLink).sort()).toEqual([`${serial}#1`, `${serial}#2`]);
  });
});
