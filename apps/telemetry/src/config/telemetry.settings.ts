import {
  AppSettings,
  defineAppSettings,
  EVENT_CONSUMER_SETTINGS,
  IDENTITY_KEYS_URL,
  platformSettings,
  SettingDeclaration,
} from '@metered/service-kit/config';

/** telemetry's own settings (read by telemetry.config.ts, documented in the app's README). */
const TELEMETRY_OWN: SettingDeclaration[] = [
  IDENTITY_KEYS_URL,
  {
    name: 'TELEMETRY_CLOCK_SKEW_MINUTES',
    kind: 'number',
    requirement: 'optional',
    description: 'how far in the future a reading’s readAt may lie (agents’ clocks drift)',
  },
  {
    name: 'TELEMETRY_KAFKA_INGEST',
    kind: 'text',
    requirement: 'optional',
    description: 'off: do not consume telemetry.ingest.v1 (fleets that send through Kafka)',
  },
  {
    name: 'TELEMETRY_SILENCE_SWEEP_MS',
    kind: 'number',
    requirement: 'optional',
    description: 'how often silent devices are looked for',
  },
  {
    name: 'TELEMETRY_LEAD_TIME_DAYS',
    kind: 'text',
    requirement: 'optional',
    description: 'shipping lead time per country, e.g. "DE=3,FR=4,*=5"',
  },
  {
    name: 'TELEMETRY_REVIEW_DAYS',
    kind: 'number',
    requirement: 'optional',
    description: 'the review period a suggested quantity covers on top of the lead time',
  },
];

export const TELEMETRY_SETTINGS: AppSettings = defineAppSettings(
  'telemetry',
  platformSettings('telemetry'),
  EVENT_CONSUMER_SETTINGS,
  TELEMETRY_OWN,
);
