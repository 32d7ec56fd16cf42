import { readEnvNumber, serviceUrl } from '@metered/service-kit/config';

/** How a service checks identity's access tokens; every value has a production default. */
export interface AuthSettings {
  /** Identity's published key set, default `${IDENTITY_URL}/auth/jwks.json`. */
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Seconds of clock skew between identity and this service that still count as valid. */
  clockToleranceSeconds: number;
  /** An unknown `kid` triggers a refetch of the key set at most this often. */
  unknownKidRefetchIntervalMs: number;
  /** Known keys are refetched after this, so a removed key stops verifying. */
  keysMaxAgeMs: number;
  jwksFetchTimeoutMs: number;
  /**
   * identity's `GET /auth/session`, asked when a token names a session this replica has not
   * seen start (revocation/issued-sessions.ts); null in identity, which checks its own
   * collection. Default `${IDENTITY_URL}/auth/session`.
   */
  sessionLookupUrl: string | null;
  /** Prune of expired `revoked_sessions` entries (FerretDB has no TTL indexes). */
  revocationPruneIntervalMs: number;
  /**
   * Each replica's memory of checked sessions, fed by `identity.session.v1`
   * (revocation/revocation-feed.ts). SESSION_CACHE=off reads `revoked_sessions` on every
   * request (on by default); SESSION_CACHE_MAX_ENTRIES (100000) sessions at most; an entry is
   * read again after 15 minutes; a revocation waits up to an hour (the longest access-token
   * lifetime) for the database to show it.
   */
  sessionCache: {
    enabled: boolean;
    maxEntries: number;
    maxAgeMs: number;
    pendingMaxAgeMs: number;
  };
}

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');

export const TOKEN_ISSUER = 'metered-supplies/identity';
export const TOKEN_AUDIENCE = 'metered-supplies';

export function resolveAuthSettings(
  overrides: Partial<AuthSettings> = {},
  env: NodeJS.ProcessEnv = process.env,
): AuthSettings {
  return {
    jwksUrl: `${serviceUrl('identity', env)}/auth/jwks.json`,
    sessionLookupUrl: `${serviceUrl('identity', env)}/auth/session`,
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    clockToleranceSeconds: 5,
    unknownKidRefetchIntervalMs: 30_000,
    keysMaxAgeMs: 10 * 60_000,
    jwksFetchTimeoutMs: 3_000,
    revocationPruneIntervalMs: 10 * 60_000,
    sessionCache: {
      enabled: !['off', 'false', '0'].includes((env.SESSION_CACHE ?? '').trim().toLowerCase()),
      maxEntries: readEnvNumber('SESSION_CACHE_MAX_ENTRIES', { default: 100_000 }, env),
      maxAgeMs: 15 * 60_000,
      pendingMaxAgeMs: 60 * 60_000,
    },
    ...overrides,
  };
}
