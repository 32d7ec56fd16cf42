import { bootstrapService } from '@metered/service-kit';
import { startEventConsumer } from '@metered/event-platform';
import { setupApiDocs } from './api-docs';
import { RegistryModule } from './registry.module';

void bootstrapService('registry', RegistryModule, {
  configure: async (app) => {
    setupApiDocs(app);
    await startEventConsumer(app, 'registry');
  },
});
