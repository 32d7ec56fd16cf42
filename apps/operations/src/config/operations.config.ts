import { readEnvSettings, SERVICE_NAMES, ServiceName, serviceUrl } from '@metered/service-kit';

export const OPERATIONS_CONFIG = Symbol('OPERATIONS_CONFIG');

/** Services that consume Kafka, hence have a consumer group and a dead-letter topic. */
export const CONSUMING_SERVICES = [
  'identity',
  'registry',
  'ordering',
  'notifications',
  'operations',
] as const;

export interface OperationsConfig {
  /** Every service the dashboard watches, with its base URL (`<SERVICE>_URL` / `<SERVICE>_PORT`). */
  services: { service: ServiceName; url: string }[];
  /** Consumer groups whose lag is shown (one per consuming service, named like it). */
  consumerGroups: string[];
  /** `OPS_METRICS_INTERVAL_MS`: how often each service's /metrics is sampled (default 10 s). */
  sampleIntervalMs: number;
  /** `OPS_METRICS_WINDOW_MS`: how much throughput history is kept in memory (default 15 min). */
  windowMs: number;
  /** How long one probe (readiness, /metrics) may take. */
  probeTimeoutMs: number;
}

export function readOperationsConfig(env: NodeJS.ProcessEnv = process.env): OperationsConfig {
  return readEnvSettings(env, (settings) => ({
    services: SERVICE_NAMES.map((service) => ({ service, url: serviceUrl(service, env) })),
    consumerGroups: [...CONSUMING_SERVICES],
    sampleIntervalMs: settings.number('OPS_METRICS_INTERVAL_MS', { default: 10_000 }),
    windowMs: settings.number('OPS_METRICS_WINDOW_MS', { default: 15 * 60_000 }),
    probeTimeoutMs: 2_000,
  }));
}
