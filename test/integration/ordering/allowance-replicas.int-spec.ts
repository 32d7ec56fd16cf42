/**
 * The cumulative allowance from several ordering replicas against real FerretDB: placements
 * that run truly at once (every one reads the serial's live orders before any inserts) still
 * place at most the allowance, because a placed order must win the unique chain position it
 * decided on; the losers read the winner and are held. No lock document, no in-process mutex.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import mongoose from 'mongoose';
import type { AuthenticatedUser } from '@metered/auth';
import { contractsCatalog } from '@metered/contracts';
import { EventPlatformModule } from '@metered/event-platform';
import { AllowancesService } from '../../../apps/ordering/src/allowances/allowances.service';
import {
  ALLOWANCE,
  AllowanceSchema,
  AllowancesRepository,
  MongoAllowancesRepository,
} from '../../../apps/ordering/src/allowances/persistence/allowances.repository';
import {
  ORDERING_CONFIG,
  readOrderingConfig,
} from '../../../apps/ordering/src/config/ordering.config';
import { IdempotentPlacement } from '../../../apps/ordering/src/orders/commands/place-order/idempotent-placement';
import {
  IDEMPOTENCY_KEY,
  IdempotencyKeySchema,
  IdempotencyKeysRepository,
  MongoIdempotencyKeysRepository,
} from '../../../apps/ordering/src/orders/commands/place-order/persistence/idempotency-keys.repository';
import { PlaceOrderService } from '../../../apps/ordering/src/orders/commands/place-order/place-order.service';
import {
  ORDER_MODEL,
  ORDERS_COLLECTION,
  OrderSchema,
} from '../../../apps/ordering/src/orders/persistence/order.schema';
import { OrdersChainSetup } from '../../../apps/ordering/src/orders/persistence/orders-chain.setup';
import {
  MongoOrdersRepository,
  OrdersRepository,
} from '../../../apps/ordering/src/orders/persistence/orders.repository';
import {
  AccountsRepository,
  MongoAccountsRepository,
} from '../../../apps/ordering/src/read-models/persistence/accounts.repository';
import {
  ACCOUNT_VIEW,
  AccountViewSchema,
  SERIAL_VIEW,
  SerialViewSchema,
} from '../../../apps/ordering/src/read-models/persistence/read-model.schemas';
import {
  MongoSerialsRepository,
  SerialsRepository,
} from '../../../apps/ordering/src/read-models/persistence/serials.repository';
import { databaseUri, runId, testInfrastructure } from '../../support/event-platform/probe-event';

const run = runId();
const service = `ordering-allowance-${run}`;
const REPLICAS = 2;
const ALLOWANCE_BOTTLES = 8; // ORDER_ALLOWANCE_CARTONS (2) × 4 bottles per carton

@Module({
  imports: [
    MongooseModule.forRoot(databaseUri(service), { serverSelectionTimeoutMS: 5000 }),
    MongooseModule.forFeature([
      { name: ORDER_MODEL, schema: OrderSchema },
      { name: SERIAL_VIEW, schema: SerialViewSchema },
      { name: ACCOUNT_VIEW, schema: AccountViewSchema },
      { name: ALLOWANCE, schema: AllowanceSchema },
      { name: IDEMPOTENCY_KEY, schema: IdempotencyKeySchema },
    ]),
    EventPlatformModule.forRoot({
      service,
      catalog: contractsCatalog,
      relay: { enabled: false },
      infrastructure: testInfrastructure(),
      correlationMiddleware: false,
      outboxCollections: [ORDERS_COLLECTION],
    }),
  ],
  providers: [
    { provide: ORDERING_CONFIG, useFactory: () => readOrderingConfig({}) },
    { provide: SerialsRepository, useClass: MongoSerialsRepository },
    { provide: AccountsRepository, useClass: MongoAccountsRepository },
    { provide: OrdersRepository, useClass: MongoOrdersRepository },
    { provide: AllowancesRepository, useClass: MongoAllowancesRepository },
    { provide: IdempotencyKeysRepository, useClass: MongoIdempotencyKeysRepository },
    OrdersChainSetup,
    AllowancesService,
    IdempotentPlacement,
    PlaceOrderService,
  ],
})
class OrderingReplicaModule {}

const shipTo = {
  line1: '1 Test Street',
  city: 'Rochester',
  state: 'NY',
  postalCode: '14604',
  country: 'US',
};

describe('the cumulative allowance from several ordering replicas (real FerretDB)', () => {
  const replicas: INestApplicationContext[] = [];
  let db: mongoose.Connection;

  beforeAll(async () => {
    for (let i = 0; i < REPLICAS; i++) {
      const app = await NestFactory.createApplicationContext(OrderingReplicaModule, {
        logger: ['error'],
      });
      await app.init();
      replicas.push(app);
    }
    db = await mongoose.createConnection(databaseUri(service)).asPromise();
  });

  afterAll(async () => {
    await db.dropDatabase().catch(() => undefined);
    await db.close();
    await Promise.all(replicas.map((app) => app.close()));
  });

  /** A linked, covered serial with one item (4 bottles per carton) and its approved account. */
  async function serialOfNewAccount(): Promise<{ serial: string; user: AuthenticatedUser }> {
    const serial = `SN${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
    const accountId = randomUUID();
    await db.collection<Record<string, unknown> & { _id: string }>('accounts').insertOne({
      _id: accountId,
      company: 'Replica Printing',
      country: 'US',
      shipTo,
      approvedAt: new Date(),
    });
    await db.collection<Record<string, unknown> & { _id: string }>('serials').insertOne({
      _id: serial,
      accountId,
      country: 'US',
      model: { code: 'T-1', name: 'Test Model', family: 'office' },
      shipTo,
      supplyItems: [
        { reorderNumber: 'R-1000', description: 'Black toner', kind: 'toner', bottlesPerCarton: 4 },
      ],
      contract: {
        contractId: `C-${serial}`,
        status: 'active',
        startsOn: '2020-01-01',
        endsOn: '2099-12-31',
      },
      linkedAt: new Date(),
    });
    const user: AuthenticatedUser = {
      userId: randomUUID(),
      sessionId: randomUUID(),
      roles: ['customer'],
      accountId,
      country: 'US',
      email: `replica-${run}@example.com`,
    };
    return { serial, user };
  }

  it('places at most the allowance of 20 orders sent at once through two replicas; the others are held', async () => {
    const { serial, user } = await serialOfNewAccount();
    const body = {
      serial,
      rows: [{ reorderNumber: 'R-1000', fullCartonsOnsite: 0, bottlesOnsite: 0, quantity: 4 }],
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        replicas[i % REPLICAS].get(PlaceOrderService).place({ user, body }),
      ),
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
