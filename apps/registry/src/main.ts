import { bootstrapService } from '@metered/service-kit';
import { RegistryModule } from './registry.module';

void bootstrapService('registry', RegistryModule);
