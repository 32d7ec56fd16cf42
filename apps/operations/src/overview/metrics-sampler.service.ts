import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { OPERATIONS_CONFIG, OperationsConfig } from '../config/operations.config';
import { labelOf, maxOf, MetricSample, parsePrometheusText, sumOf } from './domain/prometheus-text';
import { CounterTotals, ThroughputPoint, ThroughputSeries } from './domain/throughput-series';

/** What the last scrape of one service's /metrics said. */
export interface ServiceMetrics {
  service: string;
  scrapedAt: Date;
  version?: string;
  outboxPending?: number;
  outboxOldestAgeSeconds?: number;
  emailsSent?: number;
  emailsFailed?: number;
  /** Set when the last scrape failed; the other fields are then from the scrape before. */
  error?: string;
}

/**
 * Samples every service's GET /metrics every OPS_METRICS_INTERVAL_MS (10 s) into an in-memory
 * throughput series of OPS_METRICS_WINDOW_MS (15 min). In memory on purpose: it is a live
 * view; a restart starts a new window (Prometheus keeps the long history in production).
 */
@Injectable()
export class MetricsSampler implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MetricsSampler.name);
  private readonly throughput: ThroughputSeries;
  private readonly latest = new Map<string, ServiceMetrics>();
  private timer?: NodeJS.Timeout;
  private sampling = false;

  constructor(@Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig) {
    this.throughput = new ThroughputSeries(config.windowMs);
  }

  onModuleInit(): void {
    void this.sample();
    this.timer = setInterval(() => void this.sample(), this.config.sampleIntervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  series(): ThroughputPoint[] {
    return this.throughput.series();
  }

  intervalSeconds(): number {
    return this.config.sampleIntervalMs / 1000;
  }

  metricsOf(service: string): ServiceMetrics | undefined {
    return this.latest.get(service);
  }

  async sample(now = new Date()): Promise<void> {
    if (this.sampling) return; // a slow round is not overtaken by the next one
    this.sampling = true;
    try {
      const readings = new Map<string, CounterTotals>();
      await Promise.all(
        this.config.services.map(async ({ service, url }) => {
          try {
            const samples = await this.scrape(url);
            readings.set(service, countersOf(samples));
            this.latest.set(service, { service, scrapedAt: now, ...gaugesOf(samples) });
          } catch (error) {
            const before = this.latest.get(service);
            this.latest.set(service, {
              ...(before ?? { service, scrapedAt: now }),
              error: (error as Error).message,
            });
          }
        }),
      );
      this.throughput.record(now, readings);
    } catch (error) {
      this.logger.warn(`metrics sampling failed: ${(error as Error).message}`);
    } finally {
      this.sampling = false;
    }
  }

  private async scrape(baseUrl: string): Promise<MetricSample[]> {
    const response = await fetch(`${baseUrl}/metrics`, {
      signal: AbortSignal.timeout(this.config.probeTimeoutMs),
    });
    if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
    return parsePrometheusText(await response.text());
  }
}

function countersOf(samples: MetricSample[]): CounterTotals {
  return {
    published: sumOf(samples, 'events_published_total'),
    consumed: sumOf(samples, 'events_consumed_total', { outcome: 'handled' }),
    deadLettered: sumOf(samples, 'dead_letters_total'),
  };
}

function gaugesOf(samples: MetricSample[]): Omit<ServiceMetrics, 'service' | 'scrapedAt'> {
  const has = (name: string) => samples.some((sample) => sample.name === name);
  return {
    version: labelOf(samples, 'service_info', 'version'),
    outboxPending: has('outbox_pending_events')
      ? sumOf(samples, 'outbox_pending_events')
      : undefined,
    outboxOldestAgeSeconds: maxOf(samples, 'outbox_oldest_pending_age_seconds'),
    emailsSent: has('emails_sent_total') ? sumOf(samples, 'emails_sent_total') : undefined,
    emailsFailed: has('emails_failed_total') ? sumOf(samples, 'emails_failed_total') : undefined,
  };
}
