import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ServiceName } from '@metered/service-kit';
import { AUTH_SETTINGS, AuthSettings, resolveAuthSettings } from './auth.settings';
import { AccessTokenGuard } from './guards/access-token.guard';
import { JwksKeyCache } from './jwks/jwks-key-cache';
import { loadJwks } from './jwks/jwks-loader';
import { AUTH_SERVICE } from './sessions/auth-service-name';
import { KnownSessions } from './sessions/known-sessions';
import { SessionEventsFeed } from './sessions/session-events.feed';
import { SessionGate } from './sessions/session-gate';
import { AccessTokenStrategy } from './strategy/access-token.strategy';

export { AUTH_SERVICE } from './sessions/auth-service-name';

/**
 * Verifies identity's access tokens in a service. Import once in the service's root module:
 * `AuthModule.forService('registry')`. Each replica reads identity's session events itself
 * (its own Kafka consumer, see SessionEventsFeed), so no database is involved.
 */
@Module({})
export class AuthModule {
  static forService(service: ServiceName, overrides: Partial<AuthSettings> = {}): DynamicModule {
    const settings = resolveAuthSettings(overrides);
    return {
      module: AuthModule,
      global: true,
      imports: [PassportModule],
      providers: [
        { provide: AUTH_SERVICE, useValue: service },
        { provide: AUTH_SETTINGS, useValue: settings },
        {
          provide: JwksKeyCache,
          useFactory: (s: AuthSettings) =>
            new JwksKeyCache<string>(() => loadJwks(s.jwksUrl, s.jwksFetchTimeoutMs), {
              unknownKidRefetchIntervalMs: s.unknownKidRefetchIntervalMs,
              keysMaxAgeMs: s.keysMaxAgeMs,
              failureRetryMs: Math.min(2_000, s.unknownKidRefetchIntervalMs),
            }),
          inject: [AUTH_SETTINGS],
        },
        { provide: KnownSessions, useValue: new KnownSessions() },
        SessionEventsFeed,
        SessionGate,
        AccessTokenStrategy,
        { provide: APP_GUARD, useClass: AccessTokenGuard },
      ],
      exports: [AUTH_SERVICE, AUTH_SETTINGS, SessionGate],
    };
  }
}
