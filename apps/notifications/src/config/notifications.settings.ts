import { ACCESS_LINK_KEY_SETTINGS } from '@metered/contracts';
import {
  AppSettings,
  defineAppSettings,
  EVENT_CONSUMER_SETTINGS,
  IDENTITY_KEYS_URL,
  optionalNumber,
  platformSettings,
  SettingDeclaration,
} from '@metered/service-kit/config';

/** notifications' own settings (read by notifications.config.ts). */
const NOTIFICATIONS_OWN: SettingDeclaration[] = [
  IDENTITY_KEYS_URL,
  {
    name: 'SMTP_URL',
    kind: 'smtp-url',
    requirement: 'outside-development',
    description: 'the SMTP relay every email is handed to',
  },
  {
    name: 'EMAIL_FROM',
    kind: 'email',
    requirement: 'outside-development',
    description: 'the sender every email shows (a domain the relay may send for)',
  },
  optionalNumber('EMAIL_MAX_ATTEMPTS', 'delivery attempts before an email fails'),
  optionalNumber('EMAIL_BACKOFF_INITIAL_MS', 'first retry delay'),
  optionalNumber('EMAIL_BACKOFF_MAX_MS', 'longest retry delay'),
  optionalNumber('EMAIL_POLL_INTERVAL_MS', 'how often due emails are looked for'),
  optionalNumber('EMAIL_SEND_CONCURRENCY', 'emails handed to SMTP at once'),
  optionalNumber('EMAIL_CLAIM_TTL_MS', 'how long a claimed email stays with one replica'),
  optionalNumber('EMAIL_IDLE_POLL_MAX_MS', 'safety poll of an idle email queue'),
  optionalNumber(
    'EMAIL_MAX_PER_RECIPIENT_PER_HOUR',
    'registration and reset emails one address gets per hour; more are suppressed',
  ),
];

export const NOTIFICATIONS_SETTINGS: AppSettings = defineAppSettings(
  'notifications',
  platformSettings('notifications'),
  EVENT_CONSUMER_SETTINGS,
  NOTIFICATIONS_OWN,
  ACCESS_LINK_KEY_SETTINGS,
);
