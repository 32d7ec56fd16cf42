import { bootstrapService } from '@metered/service-kit';
import { IdentityModule } from './identity.module';

void bootstrapService('identity', IdentityModule);
