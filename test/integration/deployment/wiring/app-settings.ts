/**
 * The settings list of every app, as the services themselves check them at start
 * (apps/<app>/src/config/<app>.settings.ts). The deployment wiring checks read these, so a
 * setting an app starts requiring is required of every deployment at once.
 */
import type { AppSettings } from '@metered/service-kit/config';
import { GATEWAY_SETTINGS } from '../../../../apps/gateway/src/config/gateway.settings';
import { IDENTITY_SETTINGS } from '../../../../apps/identity/src/config/identity.settings';
import { NOTIFICATIONS_SETTINGS } from '../../../../apps/notifications/src/config/notifications.settings';
import { OPERATIONS_SETTINGS } from '../../../../apps/operations/src/config/operations.settings';
import { ORDERING_SETTINGS } from '../../../../apps/ordering/src/config/ordering.settings';
import { REGISTRY_SETTINGS } from '../../../../apps/registry/src/config/registry.settings';
import { TELEMETRY_SETTINGS } from '../../../../apps/telemetry/src/config/telemetry.settings';

export const APP_SETTINGS: readonly AppSettings[] = [
  GATEWAY_SETTINGS,
  IDENTITY_SETTINGS,
  REGISTRY_SETTINGS,
  ORDERING_SETTINGS,
  NOTIFICATIONS_SETTINGS,
  OPERATIONS_SETTINGS,
  TELEMETRY_SETTINGS,
];
