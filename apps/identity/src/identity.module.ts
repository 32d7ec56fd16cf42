import { Module } from '@nestjs/common';
import { ALL_TOPICS, contractsCatalog } from '@metered/contracts';
import { EventPlatformModule } from '@metered/event-platform';
import { ServiceKitModule } from '@metered/service-kit';
import { AuthModule } from '@metered/auth';
import { AuthFeatureModule } from './auth/auth-feature.module';
import { IdentityConfigModule } from './config/identity-config.module';
import { PasswordsModule } from './passwords/passwords.module';
import { SESSIONS_COLLECTION } from './sessions/persistence/session.schema';
import { SigningKeysModule } from './signing-keys/signing-keys.module';
import { USERS_COLLECTION } from './users/persistence/user.schema';
import { UsersModule } from './users/users.module';
import { RegistrationsModule } from './registrations/registrations.module';

@Module({
  imports: [
    ServiceKitModule.forService('identity'),
    IdentityConfigModule,
    EventPlatformModule.forRoot({
      service: 'identity',
      catalog: contractsCatalog,
      topics: ALL_TOPICS,
      outboxCollections: [USERS_COLLECTION, SESSIONS_COLLECTION],
    }),
    // Verifies access tokens (identity's own, via its JWKS) and drops revoked sessions.
    // identity owns the sessions: SessionCheckInterceptor reads them, nobody is asked.
    AuthModule.forService('identity', { sessionLookupUrl: null }),
    SigningKeysModule,
    UsersModule,
    AuthFeatureModule,
    PasswordsModule,
    RegistrationsModule,
  ],
})
export class IdentityModule {}
