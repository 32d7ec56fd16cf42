import {
  AppSettings,
  defineAppSettings,
  EVENT_CONSUMER_SETTINGS,
  platformSettings,
  serviceUrlSetting,
} from '@metered/service-kit/config';

const SCRAPED = 'read for the ops dashboard (/health/ready, /metrics)';

/**
 * operations' settings: it reads every service's readiness and /metrics, and identity's key
 * set (IDENTITY_URL serves both). Its own URL defaults to loopback, which is right.
 */
export const OPERATIONS_SETTINGS: AppSettings = defineAppSettings(
  'operations',
  platformSettings('operations'),
  EVENT_CONSUMER_SETTINGS,
  [
    serviceUrlSetting('gateway', 'outside-development', SCRAPED),
    serviceUrlSetting(
      'identity',
      'outside-development',
      `${SCRAPED}; its signing keys verify access tokens`,
    ),
    serviceUrlSetting('registry', 'outside-development', SCRAPED),
    serviceUrlSetting('ordering', 'outside-development', SCRAPED),
    serviceUrlSetting('notifications', 'outside-development', SCRAPED),
    serviceUrlSetting('operations', 'optional', SCRAPED),
    serviceUrlSetting('telemetry', 'outside-development', SCRAPED),
    {
      name: 'SMTP_URL',
      kind: 'smtp-url',
      requirement: 'optional',
      description: 'the SMTP relay the ops dashboard checks for its greeting (the SMTP tile)',
    },
    {
      name: 'OPS_METRICS_INTERVAL_MS',
      kind: 'number',
      requirement: 'optional',
      description: 'how often every service is sampled',
    },
    {
      name: 'OPS_METRICS_WINDOW_MS',
      kind: 'number',
      requirement: 'optional',
      description: 'how much throughput history is kept',
    },
  ],
);
