import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule } from '@metered/auth';
import { ALL_TOPICS, contractsCatalog } from '@metered/contracts';
import { EventPlatformModule } from '@metered/event-platform';
import { ServiceKitModule } from '@metered/service-kit';
import { AllowancesController } from './allowances/allowances.controller';
import { AllowancesService } from './allowances/allowances.service';
import {
  ALLOWANCE,
  ALLOWANCES_COLLECTION,
  AllowanceSchema,
  AllowancesRepository,
  MongoAllowancesRepository,
} from './allowances/persistence/allowances.repository';
import { AutoReplenishmentEvents } from './auto-replenishment/auto-replenishment.events';
import { AutoReplenishmentService } from './auto-replenishment/auto-replenishment.service';
import {
  AUTO_ORDER_SLOT,
  AutoOrderSlotSchema,
  AutoOrderSlotsRepository,
  MongoAutoOrderSlotsRepository,
} from './auto-replenishment/persistence/auto-order-slots.repository';
import {
  MongoReplenishmentRequestsRepository,
  REPLENISHMENT_REQUEST,
  ReplenishmentRequestSchema,
  ReplenishmentRequestsRepository,
} from './auto-replenishment/persistence/replenishment-requests.repository';
import { CatalogController } from './catalog/catalog.controller';
import { CatalogService } from './catalog/catalog.service';
import { ORDERING_CONFIG, readOrderingConfig } from './config/ordering.config';
import { FulfilmentEvents } from './fulfilment/fulfilment.events';
import { FulfilmentService } from './fulfilment/fulfilment.service';
import { IdempotentPlacement } from './orders/commands/place-order/idempotent-placement';
import {
  IDEMPOTENCY_KEY,
  IdempotencyKeySchema,
  IdempotencyKeysRepository,
  MongoIdempotencyKeysRepository,
} from './orders/commands/place-order/persistence/idempotency-keys.repository';
import { PlaceOrderController } from './orders/commands/place-order/place-order.controller';
import { PlaceOrderService } from './orders/commands/place-order/place-order.service';
import { OrderQueriesService } from './orders/order-queries.service';
import { OrderReviewService } from './orders/order-review.service';
import { OrdersController } from './orders/orders.controller';
import { ORDER_MODEL, ORDERS_COLLECTION, OrderSchema } from './orders/persistence/order.schema';
import { MongoOrdersRepository, OrdersRepository } from './orders/persistence/orders.repository';
import { OrdersChainSetup } from './orders/persistence/orders-chain.setup';
import {
  AccountsRepository,
  MongoAccountsRepository,
} from './read-models/persistence/accounts.repository';
import {
  ACCOUNT_VIEW,
  AccountViewSchema,
  SERIAL_VIEW,
  SerialViewSchema,
} from './read-models/persistence/read-model.schemas';
import {
  MongoSerialsRepository,
  SerialsRepository,
} from './read-models/persistence/serials.repository';
import { PlacementViews } from './read-models/cache/placement-views';
import { ReadModelsEvents } from './read-models/read-models.events';
import { ReadModelsService } from './read-models/read-models.service';

/**
 * Orders and their lifecycle, decided from ordering's own read models of accounts, serials,
 * contracts and items (built from identity's and registry's events); automatic orders from
 * telemetry's ReplenishmentRequested.
 */
@Module({
  imports: [
    ServiceKitModule.forService('ordering'),
    AuthModule.forService('ordering'),
    MongooseModule.forFeature([
      { name: ORDER_MODEL, schema: OrderSchema },
      { name: SERIAL_VIEW, schema: SerialViewSchema },
      { name: ACCOUNT_VIEW, schema: AccountViewSchema },
      { name: ALLOWANCE, schema: AllowanceSchema },
      { name: IDEMPOTENCY_KEY, schema: IdempotencyKeySchema },
      { name: AUTO_ORDER_SLOT, schema: AutoOrderSlotSchema },
      { name: REPLENISHMENT_REQUEST, schema: ReplenishmentRequestSchema },
    ]),
    EventPlatformModule.forRoot({
      service: 'ordering',
      catalog: contractsCatalog,
      topics: ALL_TOPICS,
      // Orders carry their own events (OrderPlaced … OrderDelivered); allowance overrides
      // their audit records.
      outboxCollections: [ORDERS_COLLECTION, ALLOWANCES_COLLECTION],
    }),
  ],
  controllers: [
    // Fixed paths before `orders/:order`.
    CatalogController,
    AllowancesController,
    PlaceOrderController,
    OrdersController,
    ReadModelsEvents,
    FulfilmentEvents,
    AutoReplenishmentEvents,
  ],
  providers: [
    { provide: ORDERING_CONFIG, useFactory: () => readOrderingConfig() },
    { provide: SerialsRepository, useClass: MongoSerialsRepository },
    { provide: AccountsRepository, useClass: MongoAccountsRepository },
    { provide: OrdersRepository, useClass: MongoOrdersRepository },
    OrdersChainSetup,
    { provide: AllowancesRepository, useClass: MongoAllowancesRepository },
    { provide: IdempotencyKeysRepository, useClass: MongoIdempotencyKeysRepository },
    ReadModelsService,
    PlacementViews,
    CatalogService,
    AllowancesService,
    IdempotentPlacement,
    PlaceOrderService,
    OrderQueriesService,
    OrderReviewService,
    FulfilmentService,
    { provide: AutoOrderSlotsRepository, useClass: MongoAutoOrderSlotsRepository },
    {
      provide: ReplenishmentRequestsRepository,
      useClass: MongoReplenishmentRequestsRepository,
    },
    AutoReplenishmentService,
  ],
})
export class OrderingModule {}
