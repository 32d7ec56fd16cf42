import { bootstrapService } from '@metered/service-kit';
import { setupApiDocs } from './api-docs/api-docs';
import { GatewayModule } from './gateway.module';
import { GATEWAY_SETTINGS } from './config/gateway.settings';

// Bodies stay unread: the API proxy streams them to the services, which parse and validate them.
void bootstrapService('gateway', GatewayModule, {
  settings: GATEWAY_SETTINGS,
  configure: setupApiDocs,
  parseBodies: false,
});
