import { Module } from '@nestjs/common';
import { OPERATIONS_CONFIG, readOperationsConfig } from '../config/operations.config';
import { DeadLettersModule } from '../dead-letters/dead-letters.module';
import { ConsumerLagReader } from './consumer-lag.reader';
import { InfrastructureProbe } from './infrastructure-probe';
import { MetricsSampler } from './metrics-sampler.service';
import { OverviewController } from './overview.controller';
import { OverviewService } from './overview.service';

/** GET /ops/overview and the /metrics sampler behind its throughput chart. */
@Module({
  imports: [DeadLettersModule],
  controllers: [OverviewController],
  providers: [
    { provide: OPERATIONS_CONFIG, useFactory: () => readOperationsConfig() },
    MetricsSampler,
    ConsumerLagReader,
    InfrastructureProbe,
    OverviewService,
  ],
})
export class OverviewModule {}
