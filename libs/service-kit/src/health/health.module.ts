import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseHealthIndicator } from './database.health-indicator';
import { DatabaseWatchdog } from './database-watchdog';
import { HealthController } from './health.controller';
import { KafkaHealthIndicator } from './kafka.health-indicator';

/** `GET /health/live` and `GET /health/ready` for a service. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [DatabaseHealthIndicator, KafkaHealthIndicator, DatabaseWatchdog],
  exports: [KafkaHealthIndicator, DatabaseHealthIndicator],
})
export class HealthModule {}
