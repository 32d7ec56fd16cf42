import { DomainError } from '@metered/service-kit';
import { InvalidAccessTokenError } from '../claims/invalid-access-token.error';

export const BEARER_REALM = 'metered-supplies';

export type Refusal =
  /** Not the caller's fault (identity or the database is down): rethrow, answers 503. */
  | { kind: 'dependency'; error: DomainError }
  /** 401 with this message and `WWW-Authenticate` value (RFC 6750). */
  | { kind: 'unauthorized'; message: string; challenge: string };

/** Errors of jsonwebtoken, recognised by name so this stays a plain function. */
const JWT_MESSAGES: Record<string, (error: Error) => string> = {
  TokenExpiredError: () => 'access token expired',
  NotBeforeError: () => 'access token not valid yet',
  JsonWebTokenError: (error) => `invalid access token: ${error.message}`,
};

function challenge(description?: string): string {
  if (description === undefined) return `Bearer realm="${BEARER_REALM}"`;
  const safe = description.replace(/["\\]/g, "'");
  return `Bearer realm="${BEARER_REALM}", error="invalid_token", error_description="${safe}"`;
}

/**
 * What to answer when passport did not produce a user. `error` comes from a failing check
 * after verification, `info` from passport-jwt's own refusal (missing or bad token).
 */
export function describeRefusal(error: unknown, info: unknown): Refusal {
  const cause = error ?? info;
  if (cause instanceof DomainError) return { kind: 'dependency', error: cause };
  if (cause instanceof InvalidAccessTokenError) {
    return { kind: 'unauthorized', message: cause.message, challenge: challenge(cause.message) };
  }
  if (cause instanceof Error && cause.message === 'No auth token') {
    // RFC 6750: a request without credentials gets the bare challenge, no error code.
    return { kind: 'unauthorized', message: 'missing bearer access token', challenge: challenge() };
  }
  if (cause instanceof Error && JWT_MESSAGES[cause.name]) {
    const message = JWT_MESSAGES[cause.name](cause);
    return { kind: 'unauthorized', message, challenge: challenge(message) };
  }
  return {
    kind: 'unauthorized',
    message: 'invalid access token',
    challenge: challenge('invalid access token'),
  };
}

export function insufficientRoleChallenge(): string {
  return `Bearer realm="${BEARER_REALM}", error="insufficient_scope"`;
}
