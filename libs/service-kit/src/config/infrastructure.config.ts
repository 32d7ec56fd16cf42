/**
 * The one place that reads infrastructure settings from the environment. Every service,
 * the stack CLI and the test setup use it, so one variable means the same thing everywhere.
 */
import { readEnvNumber, readEnvSettings } from './env-settings';

export type ServiceName =
  'gateway' | 'identity' | 'registry' | 'ordering' | 'notifications' | 'operations' | 'telemetry';

export const SERVICE_NAMES: readonly ServiceName[] = [
  'gateway',
  'identity',
  'registry',
  'ordering',
  'notifications',
  'operations',
  'telemetry',
];

/** Default HTTP port of each service (overridable with `<SERVICE>_PORT`, e.g. `ORDERING_PORT`). */
export const DEFAULT_SERVICE_PORTS: Readonly<Record<ServiceName, number>> = {
  gateway: 3000,
  identity: 3001,
  registry: 3002,
  ordering: 3003,
  notifications: 3004,
  operations: 3005,
  telemetry: 3006,
};

export interface InfrastructureConfig {
  /** `KAFKA_BROKERS`, comma separated host:port list. */
  kafkaBrokers: string[];
  /** `MONGO_URL`, a MongoDB connection string without a database name. */
  mongoUrl: string;
  /** `MONGO_DB_PREFIX`: each service uses the database `<prefix>_<service>`. */
  mongoDbPrefix: string;
  /** `SMTP_URL`, e.g. smtp://127.0.0.1:1025. */
  smtpUrl: string;
  /** `MAIL_CAPTURE_URL`: the HTTP API of the mail capture (Mailpit) in dev and tests. */
  mailCaptureUrl: string;
  /** `KAFKA_TOPIC_PARTITIONS` and `KAFKA_REPLICATION_FACTOR` used when topics are created. */
  topicPartitions: number;
  topicReplicationFactor: number;
}

export function readInfrastructureConfig(
  env: NodeJS.ProcessEnv = process.env,
): InfrastructureConfig {
  return readEnvSettings(env, (settings) => ({
    kafkaBrokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092')
      .split(',')
      .map((broker) => broker.trim())
      .filter(Boolean),
    mongoUrl: env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
    mongoDbPrefix: env.MONGO_DB_PREFIX ?? 'metered',
    smtpUrl: env.SMTP_URL ?? 'smtp://127.0.0.1:1025',
    mailCaptureUrl: env.MAIL_CAPTURE_URL ?? 'http://127.0.0.1:8025',
    topicPartitions: settings.number('KAFKA_TOPIC_PARTITIONS', { default: 3 }),
    topicReplicationFactor: settings.number('KAFKA_REPLICATION_FACTOR', { default: 1 }),
  }));
}

/** The database a service owns: `<MONGO_DB_PREFIX>_<service>`. */
export function databaseNameFor(service: ServiceName, config: InfrastructureConfig): string {
  return `${config.mongoDbPrefix}_${service}`;
}

/** Full connection string for a service's own database. */
export function mongoUriFor(service: ServiceName, config: InfrastructureConfig): string {
  const url = new URL(config.mongoUrl);
  url.pathname = `/${databaseNameFor(service, config)}`;
  return url.toString();
}

export function servicePort(service: ServiceName, env: NodeJS.ProcessEnv = process.env): number {
  return readEnvNumber(
    `${service.toUpperCase()}_PORT`,
    { default: DEFAULT_SERVICE_PORTS[service] },
    env,
  );
}

/** Base URL the gateway uses to reach a service (`<SERVICE>_URL`, default loopback + port). */
export function serviceUrl(service: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  return env[`${service.toUpperCase()}_URL`] ?? `http://127.0.0.1:${servicePort(service, env)}`;
}
