import { Inject, Injectable } from '@nestjs/common';
import { errorMessage } from '@metered/event-platform';
import { OPERATIONS_CONFIG, OperationsConfig } from '../config/operations.config';
import { DeadLettersService } from '../dead-letters/dead-letters.service';
import { ConsumerLagReader } from './consumer-lag.reader';
import { ConsumerLagView, OverviewResponse, ServiceStatusView } from './dto/overview.response';
import { InfrastructureProbe } from './infrastructure-probe';
import { MetricsSampler } from './metrics-sampler.service';

/** Everything the ops dashboard shows, gathered in parallel; a part that fails says so. */
@Injectable()
export class OverviewService {
  constructor(
    @Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig,
    @Inject(MetricsSampler) private readonly metrics: MetricsSampler,
    @Inject(ConsumerLagReader) private readonly lagReader: ConsumerLagReader,
    @Inject(DeadLettersService) private readonly deadLetters: DeadLettersService,
    @Inject(InfrastructureProbe) private readonly infrastructure: InfrastructureProbe,
  ) {}

  async overview(): Promise<OverviewResponse> {
    const [services, infrastructure, consumerLag, deadLetters] = await Promise.all([
      Promise.all(this.config.services.map(({ service, url }) => this.status(service, url))),
      this.infrastructure.probe(this.config.probeTimeoutMs),
      this.consumerLag(),
      this.deadLetters.counts(),
    ]);
    const notifications = this.metrics.metricsOf('notifications');
    return {
      generatedAt: new Date().toISOString(),
      services,
      infrastructure,
      throughput: {
        intervalSeconds: this.metrics.intervalSeconds(),
        windowSeconds: this.config.windowMs / 1000,
        points: this.metrics.series().map((point) => ({ ...point, at: point.at.toISOString() })),
      },
      consumerLag,
      outbox: this.config.services
        .filter(({ service }) => service !== 'gateway')
        .map(({ service }) => {
          const latest = this.metrics.metricsOf(service);
          return {
            service,
            pending: latest?.outboxPending ?? null,
            oldestAgeSeconds: latest?.outboxOldestAgeSeconds ?? null,
          };
        }),
      deadLetters,
      // A labelled prom-client counter has no sample until first incremented: once
      // notifications' /metrics was read, a missing count is 0, not unknown.
      emails: {
        sent: notifications ? (notifications.emailsSent ?? 0) : null,
        failed: notifications ? (notifications.emailsFailed ?? 0) : null,
      },
    };
  }

  private async status(service: string, url: string): Promise<ServiceStatusView> {
    const started = Date.now();
    const version = this.metrics.metricsOf(service)?.version ?? null;
    try {
      const response = await fetch(`${url}/health/ready`, {
        signal: AbortSignal.timeout(this.config.probeTimeoutMs),
      });
      const latencyMs = Date.now() - started;
      if (response.ok) return { service, status: 'up', version, latencyMs };
      return { service, status: 'down', version, latencyMs, message: `HTTP ${response.status}` };
    } catch (error) {
      const cause = (error as Error).cause as NodeJS.ErrnoException | undefined;
      return {
        service,
        status: 'down',
        version,
        latencyMs: Date.now() - started,
        message: cause?.code ?? errorMessage(error),
      };
    }
  }

  private async consumerLag(): Promise<ConsumerLagView> {
    try {
      return { available: true, partitions: await this.lagReader.lag() };
    } catch (error) {
      return { available: false, error: errorMessage(error), partitions: [] };
    }
  }
}
