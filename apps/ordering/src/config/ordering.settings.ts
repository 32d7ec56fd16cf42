import {
  AppSettings,
  defineAppSettings,
  EVENT_CONSUMER_SETTINGS,
  IDENTITY_KEYS_URL,
  platformSettings,
  SettingDeclaration,
} from '@metered/service-kit/config';

/** ordering's own settings (read by ordering.config.ts). */
const ORDERING_OWN: SettingDeclaration[] = [
  IDENTITY_KEYS_URL,
  {
    name: 'ORDER_MAX_CARTONS_PER_ROW',
    kind: 'number',
    requirement: 'optional',
    description: 'most cartons per order row',
  },
  {
    name: 'ORDER_ALLOWANCE_CARTONS',
    kind: 'number',
    requirement: 'optional',
    description: 'sense-check allowance in cartons',
  },
  {
    name: 'PLACEMENT_CACHE',
    kind: 'text',
    requirement: 'optional',
    description: 'off: placement reads its read models from the database for every order',
  },
  {
    name: 'PLACEMENT_CACHE_MAX_ENTRIES',
    kind: 'number',
    requirement: 'optional',
    description: 'entries per placement cache (serials, accounts, allowances)',
  },
  {
    name: 'PLACEMENT_CACHE_MAX_AGE_MS',
    kind: 'number',
    requirement: 'optional',
    description: 'a placement cache entry is read again after this long',
  },
];

export const ORDERING_SETTINGS: AppSettings = defineAppSettings(
  'ordering',
  platformSettings('ordering'),
  EVENT_CONSUMER_SETTINGS,
  ORDERING_OWN,
);
