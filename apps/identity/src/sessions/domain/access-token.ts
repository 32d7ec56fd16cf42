import { KeyObject, randomUUID, sign } from 'node:crypto';
import type { Role } from '@metered/contracts';

export const TOKEN_ISSUER = 'metered-supplies/identity';
export const TOKEN_AUDIENCE = 'metered-supplies';

/** The access token's claims (docs/api.md "Tokens"); every service authorises by them. */
export interface AccessTokenClaims {
  iss: string;
  aud: string;
  sub: string;
  sid: string;
  roles: Role[];
  accountId?: string;
  country: string;
  email: string;
  iat: number;
  exp: number;
  jti: string;
}

export interface TokenSubject {
  id: string;
  email: string;
  roles: Role[];
  accountId: string | null;
  country: string;
}

export function accessTokenClaims(
  subject: TokenSubject,
  sessionId: string,
  now: Date,
  ttlSeconds: number,
): AccessTokenClaims {
  const iat = Math.floor(now.getTime() / 1000);
  return {
    iss: TOKEN_ISSUER,
    aud: TOKEN_AUDIENCE,
    sub: subject.id,
    sid: sessionId,
    roles: [...subject.roles],
    ...(subject.accountId ? { accountId: subject.accountId } : {}),
    country: subject.country,
    email: subject.email,
    iat,
    exp: iat + ttlSeconds,
    jti: randomUUID(),
  };
}

/** A compact JWS, RS256, with the key id in the header. */
export function signAccessToken(
  claims: AccessTokenClaims,
  key: { kid: string; privateKey: KeyObject },
): string {
  const header = { alg: 'RS256', typ: 'JWT', kid: key.kid };
  const signingInput = `${base64url(header)}.${base64url(claims)}`;
  const signature = sign('sha256', Buffer.from(signingInput), key.privateKey).toString('base64url');
  return `${signingInput}.${signature}`;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}
