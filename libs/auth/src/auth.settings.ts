import { serviceUrl } from '@metered/service-kit/config/infrastructure.config';

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
  /** How often sessions whose tokens have all expired are forgotten (memory only). */
  knownSessionsPruneIntervalMs: number;
  /**
   * A token younger than this whose session is not known yet may be ahead of its
   * SessionStarted event: it gets a wait and then 503, not 401. Older ones get 401.
   */
  sessionPropagationSeconds: number;
  /** How long a request waits for its session's event (or the replica's catch-up). */
  unknownSessionWaitMs: number;
  /** No fetch of session events for this long: the replica no longer trusts "unknown". */
  sessionFeedStaleAfterMs: number;
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
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    clockToleranceSeconds: 5,
    unknownKidRefetchIntervalMs: 30_000,
    keysMaxAgeMs: 10 * 60_000,
    jwksFetchTimeoutMs: 3_000,
    knownSessionsPruneIntervalMs: 60_000,
    sessionPropagationSeconds: 60,
    unknownSessionWaitMs: 10_000,
    sessionFeedStaleAfterMs: 30_000,
    ...overrides,
  };
}
