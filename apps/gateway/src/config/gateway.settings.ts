import {
  AppSettings,
  defineAppSettings,
  platformSettings,
  serviceUrlSetting,
  SettingDeclaration,
} from '@metered/service-kit/config';

/**
 * The gateway's settings: it proxies /api to every backend and checks their readiness, and its
 * /api/health also probes Kafka, its database and the SMTP relay (hence SMTP_URL).
 */
const GATEWAY_OWN: SettingDeclaration[] = [
  serviceUrlSetting('identity', 'outside-development', 'the backend of /api/auth, /api/users, …'),
  serviceUrlSetting('registry', 'outside-development', 'the backend of /api/registrations, …'),
  serviceUrlSetting('ordering', 'outside-development', 'the backend of /api/orders, …'),
  serviceUrlSetting('notifications', 'outside-development', 'the backend of /api/emails'),
  serviceUrlSetting('operations', 'outside-development', 'the backend of /api/ops, /api/audit'),
  serviceUrlSetting('telemetry', 'outside-development', 'the backend of /api/telemetry'),
  ...(
    ['identity', 'registry', 'ordering', 'notifications', 'operations', 'telemetry'] as const
  ).map((service): SettingDeclaration => ({
    name: `${service.toUpperCase()}_UPSTREAMS`,
    kind: 'text',
    requirement: 'optional',
    description: `every replica of ${service}, comma-separated base URLs (round robin; default ${service.toUpperCase()}_URL)`,
  })),
  {
    name: 'SMTP_URL',
    kind: 'smtp-url',
    requirement: 'outside-development',
    description: 'the SMTP relay /api/health reports on',
  },
  {
    name: 'WEB_DIST_DIR',
    kind: 'text',
    requirement: 'optional',
    description: 'where the built portal lies (default dist/web)',
  },
];

export const GATEWAY_SETTINGS: AppSettings = defineAppSettings(
  'gateway',
  platformSettings('gateway'),
  GATEWAY_OWN,
);
