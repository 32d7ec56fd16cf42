import { DynamicModule, Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { INFRASTRUCTURE_CONFIG, SERVICE_NAME } from './config/config.tokens';
import { mongoUriFor, readInfrastructureConfig, ServiceName } from './config/infrastructure.config';
import { DATABASE_CLIENT_TIMEOUTS } from './errors/database-unavailable';
import { HealthModule } from './health/health.module';
import { serviceLoggerModule } from './logging/service-logger.module';
import {
  countDatabaseCommands,
  databaseCommandMetricsEnabled,
} from './metrics/database-command-metrics';
import { MetricsModule } from './metrics/metrics.module';

/**
 * What every service needs before its own features: configuration, structured logging,
 * a connection to its own database, the health endpoints and `GET /metrics`.
 */
@Global()
@Module({})
export class ServiceKitModule {
  static forService(service: ServiceName): DynamicModule {
    const config = readInfrastructureConfig();
    return {
      module: ServiceKitModule,
      imports: [
        serviceLoggerModule(service),
        MongooseModule.forRoot(mongoUriFor(service, config), {
          ...DATABASE_CLIENT_TIMEOUTS,
          retryAttempts: 30,
          retryDelay: 2000,
          // Counts each command into db_commands_total (GET /metrics), read by the benchmark.
          ...(databaseCommandMetricsEnabled()
            ? { monitorCommands: true, connectionFactory: countDatabaseCommands }
            : {}),
        }),
        HealthModule,
        MetricsModule.forService(service),
      ],
      providers: [
        { provide: INFRASTRUCTURE_CONFIG, useValue: config },
        { provide: SERVICE_NAME, useValue: service },
      ],
      exports: [INFRASTRUCTURE_CONFIG, SERVICE_NAME, HealthModule],
    };
  }
}
