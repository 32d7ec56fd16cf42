import { bootstrapService } from '@metered/service-kit';
import { setupApiDocs } from './api-docs';
import { GatewayModule } from './gateway.module';

void bootstrapService('gateway', GatewayModule, { configure: setupApiDocs });
