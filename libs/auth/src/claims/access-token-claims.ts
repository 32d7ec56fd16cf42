import { Role, ROLES } from '@metered/contracts/reference';
import { AuthenticatedUser } from '../authenticated-user';
import { InvalidAccessTokenError } from './invalid-access-token.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COUNTRY = /^[A-Z]{2}$/;

/**
 * The longest an access token may live (`exp - iat`), in every service alike. identity issues
 * 15-minute tokens and refuses to start with a lifetime above this; a token claiming more
 * was not made by identity's rules (a leaked signing key, a test fixture gone astray), and
 * revocation only has to remember a session for this long.
 */
export const ACCESS_TOKEN_MAX_LIFETIME_SECONDS = 3600;

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function requireUuid(claims: Record<string, unknown>, name: string): string {
  const value = claims[name];
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new InvalidAccessTokenError(`access token claim "${name}" must be a UUID`);
  }
  return value;
}

/**
 * Turns the verified claims of an access token (signature, issuer, audience and expiry
 * already checked) into the caller. A token whose claims do not have the documented shape
 * is refused rather than half-trusted: a missing `sid` would escape revocation, an unknown
 * role could be a typo that grants nothing or a forgery that grants something.
 */
export function toAuthenticatedUser(claims: unknown): AuthenticatedUser {
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new InvalidAccessTokenError('access token payload must be a JSON object');
  }
  const record = claims as Record<string, unknown>;
  // jsonwebtoken checks `exp` only when present; a token without one would never expire.
  if (typeof record.exp !== 'number') {
    throw new InvalidAccessTokenError('access token has no expiry (exp)');
  }
  // Without `iat` the lifetime cannot be bounded; identity always sets it.
  if (typeof record.iat !== 'number') {
    throw new InvalidAccessTokenError('access token has no issue time (iat)');
  }
  if (record.exp - record.iat > ACCESS_TOKEN_MAX_LIFETIME_SECONDS) {
    throw new InvalidAccessTokenError(
      `access token lifetime exceeds ${ACCESS_TOKEN_MAX_LIFETIME_SECONDS} seconds`,
    );
  }
  const userId = requireUuid(record, 'sub');
  const sessionId = requireUuid(record, 'sid');

  const roles = record.roles;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    throw new InvalidAccessTokenError(
      `access token claim "roles" must be a non-empty list of ${ROLES.join(', ')}`,
    );
  }

  const { country, email, accountId } = record;
  if (typeof country !== 'string' || !COUNTRY.test(country)) {
    throw new InvalidAccessTokenError('access token claim "country" must be an ISO 3166-1 code');
  }
  if (typeof email !== 'string' || !email.includes('@')) {
    throw new InvalidAccessTokenError('access token claim "email" must be an email address');
  }
  if (accountId !== undefined && (typeof accountId !== 'string' || accountId === '')) {
    throw new InvalidAccessTokenError('access token claim "accountId" must be a string');
  }

  return {
    userId,
    sessionId,
    roles: [...new Set(roles)],
    ...(accountId !== undefined ? { accountId } : {}),
    country,
    email: email.toLowerCase(),
  };
}

/**
 * jsonwebtoken refuses a future `nbf` but not a future `iat`: a token "issued" later than now
 * was not made by identity's clock (or was made ahead of time to outlive a key rotation), so
 * it is refused beyond the allowed skew.
 */
export function assertIssuedInThePast(
  claims: unknown,
  nowSeconds: number,
  toleranceSeconds: number,
): void {
  const iat = (claims as Record<string, unknown> | null)?.iat;
  if (typeof iat !== 'number' || iat > nowSeconds + toleranceSeconds) {
    throw new InvalidAccessTokenError('access token is not valid yet (iat in the future)');
  }
}
