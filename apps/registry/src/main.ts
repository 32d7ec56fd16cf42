import { bootstrapService } from '@metered/service-kit';
import { startEventConsumer } from '@metered/event-platform';
import { RegistryModule } from './registry.module';

// OpenAPI at /docs-json comes from bootstrapService, as for every service.
void bootstrapService('registry', RegistryModule, {
  configure: (app) => startEventConsumer(app, 'registry'),
});
