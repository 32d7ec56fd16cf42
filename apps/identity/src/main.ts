import { startEventConsumer } from '@metered/event-platform';
import { bootstrapService } from '@metered/service-kit';
import { SignInErrorFilter } from './common/sign-in-error.filter';
import { IdentityModule } from './identity.module';
import { IDENTITY_SETTINGS } from './config/identity.settings';

void bootstrapService('identity', IdentityModule, {
  settings: IDENTITY_SETTINGS,
  configure: (app) => {
    // Registered after service-kit's catch-all DatabaseUnavailableFilter, so it is tried
    // first: otherwise 401/429 of sign-in (and of ended sessions) would answer 500.
    app.useGlobalFilters(new SignInErrorFilter());
    // Registration checks and session revocations (for @metered/auth) arrive over Kafka.
    return startEventConsumer(app, 'identity');
  },
});
