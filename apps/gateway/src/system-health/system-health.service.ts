import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DatabaseHealthIndicator,
  INFRASTRUCTURE_CONFIG,
  InfrastructureConfig,
  KafkaHealthIndicator,
  publicReason,
  ServiceName,
} from '@metered/service-kit';
import { upstreamsOf } from '../proxy/upstreams';
import { probeSmtp } from './smtp.probe';
import { ComponentHealthDto, SystemHealthDto } from './system-health.dto';

const BACKEND_SERVICES: ServiceName[] = [
  'identity',
  'registry',
  'ordering',
  'notifications',
  'operations',
  'telemetry',
];

/** Readiness of every service and of Kafka, the database and SMTP, checked in parallel. */
@Injectable()
export class SystemHealthService {
  constructor(
    private readonly kafka: KafkaHealthIndicator,
    private readonly database: DatabaseHealthIndicator,
    @Inject(INFRASTRUCTURE_CONFIG) private readonly config: InfrastructureConfig,
  ) {}

  async check(): Promise<SystemHealthDto> {
    const checks: Record<string, () => Promise<void>> = {
      kafka: async () => assertUp(await this.kafka.isHealthy('kafka')),
      database: async () => assertUp(await this.database.isHealthy('database')),
      smtp: () => probeSmtp(this.config.smtpUrl),
      ...Object.fromEntries(
        BACKEND_SERVICES.map((service) => [service, () => probeReplicas(upstreamsOf(service))]),
      ),
    };
    const entries = await Promise.all(
      Object.entries(checks).map(async ([name, run]) => [name, await timed(name, run)] as const),
    );
    const components: Record<string, ComponentHealthDto> = {
      gateway: { status: 'up' },
      ...Object.fromEntries(entries),
    };
    const allUp = Object.values(components).every((component) => component.status === 'up');
    return { status: allUp ? 'ok' : 'degraded', checkedAt: new Date().toISOString(), components };
  }
}

/** A failure whose message is ours and safe to show (no driver, socket or file detail). */
class ComponentDown extends Error {}

function assertUp(result: Record<string, { status: string; message?: unknown }>): void {
  const [detail] = Object.values(result);
  if (detail?.status !== 'up') throw new ComponentDown(String(detail?.message ?? 'down'));
}

/** A service with several replicas is up while one of them is ready (the proxy skips the others). */
async function probeReplicas(baseUrls: readonly string[]): Promise<void> {
  if (baseUrls.length === 1) return probeReadiness(baseUrls[0]);
  try {
    await Promise.any(baseUrls.map((url) => probeReadiness(url)));
  } catch (error) {
    throw (error as AggregateError).errors[0];
  }
}

async function probeReadiness(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(3000) });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: Record<string, unknown> };
    const failing = Object.keys(body.error ?? {}).join(', ');
    throw new ComponentDown(
      `not ready (HTTP ${response.status}${failing ? `: ${failing} down` : ''})`,
    );
  }
}

const logger = new Logger('SystemHealth');

async function timed(name: string, run: () => Promise<void>): Promise<ComponentHealthDto> {
  const started = Date.now();
  try {
    await run();
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (error) {
    if (error instanceof ComponentDown) {
      return { status: 'down', message: error.message, latencyMs: Date.now() - started };
    }
    const cause = (error as Error).cause as Error | undefined;
    logger.warn(`${name}: ${(error as Error).message}${cause ? `: ${cause.message}` : ''}`);
    return { status: 'down', message: publicReason(error), latencyMs: Date.now() - started };
  }
}
