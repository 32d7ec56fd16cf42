import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { startProcessMetrics } from './platform-metrics';
import { serviceVersion } from './service-version';

const METRICS_SERVICE = Symbol('METRICS_SERVICE');

/** `GET /metrics` with the process metrics and `service_info` of the service. */
@Module({})
export class MetricsModule implements OnModuleInit {
  constructor(@Inject(METRICS_SERVICE) private readonly service: string) {}

  static forService(service: string): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [{ provide: METRICS_SERVICE, useValue: service }],
    };
  }

  onModuleInit(): void {
    startProcessMetrics(this.service, serviceVersion());
  }
}
