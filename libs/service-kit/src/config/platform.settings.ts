/**
 * Settings every app reads through service-kit (infrastructure.config.ts, logging, security
 * headers, metrics), declared once for all the apps' settings lists.
 */
import type { ServiceName } from './infrastructure.config';
import type { SettingDeclaration, SettingRequirement } from './settings-schema';

export function platformSettings(app: ServiceName): SettingDeclaration[] {
  return [
    {
      name: 'NODE_ENV',
      kind: 'text',
      requirement: 'optional',
      description: '"production" makes every setting marked outside-development mandatory',
    },
    {
      name: 'KAFKA_BROKERS',
      kind: 'kafka-brokers',
      requirement: 'outside-development',
      description: 'the Kafka brokers (events, and the Kafka readiness check)',
    },
    {
      name: 'MONGO_URL',
      kind: 'mongo-url',
      requirement: 'outside-development',
      description: 'the MongoDB server holding the app’s own database',
    },
    {
      name: 'MONGO_DB_PREFIX',
      kind: 'text',
      requirement: 'optional',
      description: 'database name prefix (<prefix>_<app>)',
    },
    {
      name: `${app.toUpperCase()}_PORT`,
      kind: 'port',
      requirement: 'optional',
      description: 'the HTTP port the app listens on',
    },
    { name: 'HOST', kind: 'text', requirement: 'optional', description: 'listen interface' },
    { name: 'LOG_LEVEL', kind: 'text', requirement: 'optional', description: 'pino log level' },
    {
      name: 'PORTAL_URL',
      kind: 'public-url',
      requirement: 'optional',
      description: 'the portal origin allowed by CORS',
    },
    {
      name: 'TRUST_PROXY',
      kind: 'text',
      requirement: 'optional',
      description: 'proxies whose X-Forwarded-For is believed',
    },
    {
      name: 'DB_COMMAND_METRICS',
      kind: 'text',
      requirement: 'optional',
      description: '"off" stops counting database commands (db_commands_total)',
    },
    {
      name: 'KAFKA_TOPIC_PARTITIONS',
      kind: 'number',
      requirement: 'optional',
      description: 'partitions of the topics the app creates',
    },
    {
      name: 'KAFKA_REPLICATION_FACTOR',
      kind: 'number',
      requirement: 'optional',
      description: 'replication factor of the topics the app creates',
    },
  ];
}

/** Apps that consume events also prune their inbox (libs/event-platform). */
export const EVENT_CONSUMER_SETTINGS: readonly SettingDeclaration[] = [
  {
    name: 'INBOX_RETENTION_DAYS',
    kind: 'number',
    requirement: 'optional',
    description: 'how long handled event ids are remembered',
  },
];

/**
 * `<SERVICE>_URL`: where this app reaches another service. Outside development the default
 * (127.0.0.1) is never right, which is why the requirement is usually `outside-development`.
 */
export function serviceUrlSetting(
  service: ServiceName,
  requirement: SettingRequirement,
  description: string,
): SettingDeclaration {
  return {
    name: `${service.toUpperCase()}_URL`,
    kind: 'service-url',
    service,
    requirement,
    description,
  };
}

/** The key set of identity, fetched by every app that checks access tokens (libs/auth). */
export const IDENTITY_KEYS_URL: SettingDeclaration = serviceUrlSetting(
  'identity',
  'outside-development',
  'identity’s base URL, for its signing keys (/auth/jwks.json) that verify access tokens',
);
