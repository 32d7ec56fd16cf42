import { bootstrapService } from '@metered/service-kit';
import { startEventConsumer } from '@metered/event-platform';
import { RegistryModule } from './registry.module';
import { REGISTRY_SETTINGS } from './config/registry.settings';

// OpenAPI at /docs-json comes from bootstrapService, as for every service.
void bootstrapService('registry', RegistryModule, {
  settings: REGISTRY_SETTINGS,
  configure: (app) => startEventConsumer(app, 'registry'),
});
