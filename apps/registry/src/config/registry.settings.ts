import {
  AppSettings,
  defineAppSettings,
  EVENT_CONSUMER_SETTINGS,
  IDENTITY_KEYS_URL,
  platformSettings,
} from '@metered/service-kit/config';

/** The registry's settings: the platform's, plus identity's key set for access tokens. */
export const REGISTRY_SETTINGS: AppSettings = defineAppSettings(
  'registry',
  platformSettings('registry'),
  EVENT_CONSUMER_SETTINGS,
  [IDENTITY_KEYS_URL],
);
