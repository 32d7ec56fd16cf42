import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorFunction } from '@nestjs/terminus';
import { DatabaseHealthIndicator } from './database.health-indicator';
import { EXTRA_READINESS_CHECKS } from './health.tokens';
import { KafkaHealthIndicator } from './kafka.health-indicator';

/**
 * Liveness says "the process can serve requests" and never looks at dependencies, so an
 * outage of Kafka or the database does not make an orchestrator restart healthy pods.
 * Readiness says "send me traffic": it is red while the database or Kafka is unreachable.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    @Optional()
    @Inject(EXTRA_READINESS_CHECKS)
    private readonly extraChecks: HealthIndicatorFunction[] = [],
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up' })
  live() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the database and Kafka are reachable' })
  ready() {
    return this.health.check([
      () => this.database.isHealthy(),
      () => this.kafka.isHealthy(),
      ...this.extraChecks,
    ]);
  }
}
