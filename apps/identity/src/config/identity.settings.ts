import { ACCESS_LINK_KEY_SETTINGS } from '@metered/contracts';
import {
  AppSettings,
  defineAppSettings,
  EVENT_CONSUMER_SETTINGS,
  optionalNumber,
  platformSettings,
  serviceUrlSetting,
  SettingDeclaration,
} from '@metered/service-kit/config';

/** identity's settings (read by identity.config.ts and libs/auth). */
const IDENTITY_OWN: SettingDeclaration[] = [
  {
    name: 'PORTAL_URL',
    kind: 'public-url',
    requirement: 'outside-development',
    description: 'the portal address in emailed set-password and reset links',
  },
  // Without an admin nobody can create staff users or approve a registration; identity
  // creates this one at start when no user has the email.
  {
    name: 'BOOTSTRAP_ADMIN_EMAIL',
    kind: 'email',
    requirement: 'outside-development',
    description: 'the first admin, created at start when no user has this email',
  },
  {
    name: 'BOOTSTRAP_ADMIN_PASSWORD',
    kind: 'secret',
    requirement: 'outside-development',
    alternatives: ['BOOTSTRAP_ADMIN_PASSWORD_FILE'],
    description: 'the first admin’s initial password (from a Secret)',
  },
  {
    name: 'BOOTSTRAP_ADMIN_PASSWORD_FILE',
    kind: 'text',
    requirement: 'optional',
    description: 'path of a mounted file holding BOOTSTRAP_ADMIN_PASSWORD',
  },
  // Its own key set: the loopback default is right, so the shared IDENTITY_URL is optional.
  serviceUrlSetting('identity', 'optional', 'identity’s own key set, for checking access tokens'),
  {
    name: 'JWT_PRIVATE_KEY',
    kind: 'secret',
    requirement: 'optional',
    description: 'RS256 signing key (PEM); unset: generated once and stored',
  },
  {
    name: 'JWT_PRIVATE_KEY_FILE',
    kind: 'text',
    requirement: 'optional',
    description: 'path of the mounted signing key',
  },
  optionalNumber('ACCESS_TOKEN_TTL_SECONDS', 'access token lifetime'),
  optionalNumber('REFRESH_TOKEN_TTL_SECONDS', 'session lifetime after the last refresh'),
  optionalNumber('SET_PASSWORD_LINK_TTL_SECONDS', 'set-password link lifetime'),
  optionalNumber('RESET_LINK_TTL_SECONDS', 'reset link lifetime'),
  optionalNumber('PASSWORD_RESET_MAX_PER_HOUR', 'reset emails per address and hour'),
  optionalNumber('PASSWORD_RESET_MAX_PER_IP', 'reset requests per client address and hour'),
  optionalNumber('LOGIN_MAX_FAILURES', 'failures that lock an email'),
  optionalNumber('LOGIN_LOCK_SECONDS', 'lock duration'),
  optionalNumber('LOGIN_MAX_FAILURES_PER_IP', 'failures per client address and window'),
  optionalNumber('LOGIN_IP_WINDOW_SECONDS', 'window of the per-address limit'),
];

export const IDENTITY_SETTINGS: AppSettings = defineAppSettings(
  'identity',
  platformSettings('identity'),
  EVENT_CONSUMER_SETTINGS,
  IDENTITY_OWN,
  ACCESS_LINK_KEY_SETTINGS,
);
