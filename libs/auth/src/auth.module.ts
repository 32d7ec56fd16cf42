import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ServiceName } from '@metered/service-kit';
import { AUTH_SETTINGS, AuthSettings, resolveAuthSettings } from './auth.settings';
import { AccessTokenGuard } from './guards/access-token.guard';
import { JwksKeyCache } from './jwks/jwks-key-cache';
import { loadJwks } from './jwks/jwks-loader';
import { IssuedSessions } from './revocation/issued-sessions';
import { RevocationPruner } from './revocation/revocation-pruner';
import { RevocationFeed } from './revocation/revocation-feed';
import { RevokedSessionsStore } from './revocation/revoked-sessions.store';
import { SessionRevocationEvents } from './revocation/session-revocation.events';
import { AccessTokenStrategy } from './strategy/access-token.strategy';

export const AUTH_SERVICE = Symbol('AUTH_SERVICE');

/**
 * Verifies identity's access tokens in a service. Import once in the service's root module,
 * after ServiceKitModule and EventPlatformModule (it uses their database connection and
 * event consumer): `AuthModule.forService('registry')`. The service must run
 * `startEventConsumer` so revoked sessions reach it.
 */
@Module({})
export class AuthModule {
  static forService(service: ServiceName, overrides: Partial<AuthSettings> = {}): DynamicModule {
    const settings = resolveAuthSettings(overrides);
    return {
      module: AuthModule,
      global: true,
      imports: [PassportModule],
      controllers: [SessionRevocationEvents],
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
        IssuedSessions,
        ...(settings.sessionCache.enabled ? [RevocationFeed] : []),
        RevokedSessionsStore,
        RevocationPruner,
        AccessTokenStrategy,
        { provide: APP_GUARD, useClass: AccessTokenGuard },
      ],
      exports: [AUTH_SERVICE, AUTH_SETTINGS, RevokedSessionsStore, IssuedSessions],
    };
  }
}
