import { Module } from '@nestjs/common';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { AuthModule } from '@metered/auth';
import { ALL_TOPICS, contractsCatalog } from '@metered/contracts';
import { DocumentLocks, EventPlatformModule } from '@metered/event-platform';
import { ServiceKitModule } from '@metered/service-kit';
import { AgentAuthenticator } from './agents/auth/agent-authenticator';
import { AgentStrategy } from './agents/auth/agent.strategy';
import { AgentsController } from './agents/agents.controller';
import { AgentsService } from './agents/agents.service';
import { AGENT_MODEL, AGENTS_COLLECTION, AgentSchema } from './agents/persistence/agent.schema';
import { AgentsRepository } from './agents/persistence/agents.repository';
import { TELEMETRY_KAFKA_PROVIDERS } from './common/telemetry-kafka';
import { readTelemetryConfig, TELEMETRY_CONFIG } from './config/telemetry.config';
import { DerivationConsumer } from './derivation/derivation.consumer';
import { DerivationService } from './derivation/derivation.service';
import { REPLENISHMENT_ENGINE } from './derivation/domain/replenishment-engine';
import { LibraryEngine } from './derivation/domain/library-engine';
import {
  DEVICE_STATE_MODEL,
  DEVICE_STATES_COLLECTION,
  DeviceStateSchema,
} from './derivation/persistence/device-state.schema';
import { DeviceStatesRepository } from './derivation/persistence/device-states.repository';
import {
  SILENCE_MODEL,
  SILENCES_COLLECTION,
  SilenceSchema,
  SilenceSweep,
} from './derivation/silence-sweep';
import { FleetController } from './fleet/fleet.controller';
import { FleetService } from './fleet/fleet.service';
import { BatchPruner } from './ingest/batch-pruner';
import { IngestService } from './ingest/ingest.service';
import { IngestTopicConsumer } from './ingest/kafka/ingest-topic.consumer';
import {
  INGEST_BATCH_MODEL,
  INGEST_BATCHES_COLLECTION,
  IngestBatchSchema,
  READING_MODEL,
  ReadingSchema,
} from './ingest/persistence/ingest.schemas';
import {
  LastCountersRepository,
  MongoLastCountersRepository,
} from './ingest/persistence/last-counters.repository';
import {
  MongoReadingsRepository,
  ReadingsRepository,
} from './ingest/persistence/readings.repository';
import { ReadingsController } from './ingest/readings.controller';
import { ConsumerLag } from './ops/consumer-lag';
import { INGEST_STATS_MODEL, IngestStats, IngestStatsSchema } from './ops/ingest-stats';
import { OpsController } from './ops/ops.controller';
import { DEVICE_VIEW, DeviceViewSchema } from './read-models/persistence/device-view.schema';
import { DevicesRepository } from './read-models/persistence/devices.repository';
import { ReadModelsEvents } from './read-models/read-models.events';
import {
  SETTINGS_COLLECTION,
  SETTINGS_MODEL,
  SettingsRepository,
  SettingsSchema,
} from './settings/persistence/settings.repository';
import { SettingsController } from './settings/settings.controller';
import { SettingsService } from './settings/settings.service';
import { OrderEvents } from './stock/order.events';
import {
  SERIAL_STOCK_MODEL,
  SerialStockRepository,
  SerialStockSchema,
} from './stock/persistence/serial-stock.repository';

/**
 * Device telemetry: agents and their credentials, readings in (HTTP and Kafka), per-device
 * derived state and forecasts, onsite stock, replenishment settings, the fleet page's data.
 */
@Module({
  imports: [
    ServiceKitModule.forService('telemetry'),
    AuthModule.forService('telemetry'),
    MongooseModule.forFeature([
      { name: AGENT_MODEL, schema: AgentSchema },
      { name: DEVICE_VIEW, schema: DeviceViewSchema },
      { name: READING_MODEL, schema: ReadingSchema },
      { name: INGEST_BATCH_MODEL, schema: IngestBatchSchema },
      { name: DEVICE_STATE_MODEL, schema: DeviceStateSchema },
      { name: INGEST_STATS_MODEL, schema: IngestStatsSchema },
      { name: SETTINGS_MODEL, schema: SettingsSchema },
      { name: SERIAL_STOCK_MODEL, schema: SerialStockSchema },
      { name: SILENCE_MODEL, schema: SilenceSchema },
    ]),
    EventPlatformModule.forRoot({
      service: 'telemetry',
      catalog: contractsCatalog,
      topics: ALL_TOPICS,
      // Agents and settings carry their audit records (and settings ReplenishmentSettingsChanged);
      // ingest batches the compact stream (ReadingsAccepted); device states the events derived
      // from readings; silences DeviceSilent.
      outboxCollections: [
        AGENTS_COLLECTION,
        SETTINGS_COLLECTION,
        INGEST_BATCHES_COLLECTION,
        DEVICE_STATES_COLLECTION,
        SILENCES_COLLECTION,
      ],
    }),
  ],
  controllers: [
    AgentsController,
    ReadingsController,
    FleetController,
    SettingsController,
    OpsController,
    ReadModelsEvents,
    OrderEvents,
  ],
  providers: [
    { provide: TELEMETRY_CONFIG, useFactory: () => readTelemetryConfig() },
    ...TELEMETRY_KAFKA_PROVIDERS,
    {
      // The same lock documents the event platform's relay takes (document_locks).
      provide: DocumentLocks,
      useFactory: (connection: Connection) =>
        new DocumentLocks(() => {
          if (!connection.db) throw new Error('the mongoose connection is not open');
          return connection.db;
        }),
      inject: [getConnectionToken()],
    },
    { provide: REPLENISHMENT_ENGINE, useClass: LibraryEngine },
    AgentsRepository,
    AgentsService,
    AgentAuthenticator,
    AgentStrategy,
    DevicesRepository,
    { provide: ReadingsRepository, useClass: MongoReadingsRepository },
    { provide: LastCountersRepository, useClass: MongoLastCountersRepository },
    IngestStats,
    IngestService,
    IngestTopicConsumer,
    BatchPruner,
    DeviceStatesRepository,
    DerivationService,
    DerivationConsumer,
    SilenceSweep,
    SettingsRepository,
    SettingsService,
    SerialStockRepository,
    FleetService,
    ConsumerLag,
  ],
})
export class TelemetryModule {}
