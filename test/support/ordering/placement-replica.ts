/**
 * An ordering replica in-process: the real placement code (PlaceOrderService, its read-model
 * caches and their per-replica feed, repositories) on the real database and Kafka, without
 * HTTP. Several of them with the same service name behave like replicas of one service.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import { Kafka, logLevel } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { AuthenticatedUser } from '@metered/auth';
import { contractsCatalog } from '@metered/contracts';
import { EventPlatformModule, TopicAdmin } from '@metered/event-platform';
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
  PLACEMENT_FEED_TOPICS,
  PlacementViews,
} from '../../../apps/ordering/src/read-models/cache/placement-views';
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
import { ReadModelsService } from '../../../apps/ordering/src/read-models/read-models.service';
import { databaseUri, kafkaBrokers, testInfrastructure } from '../event-platform/probe-event';
import { waitFor } from '../event-platform/wait-for';

export interface ReplicaOptions {
  /** The service name: database, and the consumer group whose offsets the feed starts at. */
  service: string;
  /** PLACEMENT_CACHE and friends (readOrderingConfig's environment). */
  env?: NodeJS.ProcessEnv;
}

function replicaModule({ service, env = {} }: ReplicaOptions): DynamicModule {
  @Module({})
  class OrderingReplicaModule {}
  return {
    module: OrderingReplicaModule,
    imports: [
      MongooseModule.forRoot(databaseUri(service), {
        serverSelectionTimeoutMS: 5000,
        monitorCommands: true,
      }),
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
      { provide: ORDERING_CONFIG, useFactory: () => readOrderingConfig(env) },
      { provide: SerialsRepository, useClass: MongoSerialsRepository },
      { provide: AccountsRepository, useClass: MongoAccountsRepository },
      { provide: OrdersRepository, useClass: MongoOrdersRepository },
      { provide: AllowancesRepository, useClass: MongoAllowancesRepository },
      { provide: IdempotencyKeysRepository, useClass: MongoIdempotencyKeysRepository },
      OrdersChainSetup,
      AllowancesService,
      ReadModelsService,
      PlacementViews,
      IdempotentPlacement,
      PlaceOrderService,
    ],
  };
}

/** A database command the replica sent: its name and collection. */
export interface SentCommand {
  name: string;
  collection: string;
}

export class OrderingReplica {
  private readonly sent: SentCommand[] = [];

  private constructor(readonly app: INestApplicationContext) {
    const connection = app.get<Connection>(getConnectionToken());
    connection.getClient().on('commandStarted', (event) => {
      const collection = event.command[event.commandName];
      this.sent.push({
        name: event.commandName,
        collection: typeof collection === 'string' ? collection : '',
      });
    });
  }

  static async start(options: ReplicaOptions): Promise<OrderingReplica> {
    const app = await NestFactory.createApplicationContext(replicaModule(options), {
      logger: ['error', 'warn'],
    });
    await app.init();
    return new OrderingReplica(app);
  }

  get placing(): PlaceOrderService {
    return this.app.get(PlaceOrderService);
  }

  get views(): PlacementViews {
    return this.app.get(PlacementViews);
  }

  get allowances(): AllowancesService {
    return this.app.get(AllowancesService);
  }

  get readModels(): ReadModelsService {
    return this.app.get(ReadModelsService);
  }

  /** The commands `work` made this replica send (its own, ordering's database). */
  async commandsOf<T>(work: () => Promise<T>): Promise<{ result: T; commands: SentCommand[] }> {
    const from = this.sent.length;
    const result = await work();
    return { result, commands: this.sent.slice(from) };
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

/**
 * Positions the service's consumer group at the end of the feed's topics, as a service that
 * has handled everything so far: a feed starts there instead of reading the topics' history.
 */
export async function serviceGroupCaughtUp(service: string): Promise<void> {
  const kafka = new Kafka({
    clientId: 'placement-tests',
    brokers: kafkaBrokers(),
    logLevel: logLevel.NOTHING,
  });
  // The topics may not exist yet when this suite runs first (services create them as they
  // start), and a just-created topic's metadata may lag on the broker asked: create what is
  // missing as a service would, then retry until every partition answers.
  await new TopicAdmin(kafka).ensureTopics(PLACEMENT_FEED_TOPICS, {
    partitions: Number(process.env.KAFKA_TOPIC_PARTITIONS ?? 3),
    replicationFactor: Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1),
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of PLACEMENT_FEED_TOPICS) {
      const ends = await waitFor(
        `offsets of ${topic}`,
        () => admin.fetchTopicOffsets(topic),
        30_000,
        250,
      );
      await admin.setOffsets({
        groupId: service,
        topic,
        partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

export const TEST_SHIP_TO = {
  line1: '1 Test Street',
  city: 'Rochester',
  state: 'NY',
  postalCode: '14604',
  country: 'US',
};

export interface SeededSerial {
  serial: string;
  accountId: string;
  user: AuthenticatedUser;
}

/**
 * A linked, covered serial with one item (R-1000, 4 bottles per carton) and its approved
 * account, written straight into the read models (as ordering's consumer would).
 */
export async function seedSerialOfNewAccount(
  db: Connection,
  tag = 'replica',
  reorderNumber = 'R-1000',
): Promise<SeededSerial> {
  const serial = `SN${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const accountId = randomUUID();
  const now = new Date(Date.now() - 60_000);
  await db.collection<Record<string, unknown> & { _id: string }>('accounts').insertOne({
    _id: accountId,
    company: 'Replica Printing',
    country: 'US',
    shipTo: TEST_SHIP_TO,
    approvedAt: now,
  });
  await db.collection<Record<string, unknown> & { _id: string }>('serials').insertOne({
    _id: serial,
    accountId,
    country: 'US',
    model: { code: 'T-1', name: 'Test Model', family: 'office' },
    shipTo: TEST_SHIP_TO,
    supplyItems: [
      { reorderNumber, description: 'Black toner', kind: 'toner', bottlesPerCarton: 4 },
    ],
    contract: {
      contractId: `C-${serial}`,
      status: 'active',
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
    },
    contractAsOf: now,
    linkedAt: now,
  });
  const user: AuthenticatedUser = {
    userId: randomUUID(),
    sessionId: randomUUID(),
    roles: ['customer'],
    accountId,
    country: 'US',
    email: `${tag}-${serial.toLowerCase()}@example.com`,
  };
  return { serial, accountId, user };
}
