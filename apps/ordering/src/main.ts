import { bootstrapService } from '@metered/service-kit';
import { OrderingModule } from './ordering.module';

void bootstrapService('ordering', OrderingModule);
