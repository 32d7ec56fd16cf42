import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { decode } from 'jsonwebtoken';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthenticatedUser } from '../authenticated-user';
import { AUTH_SETTINGS, AuthSettings } from '../auth.settings';
import { assertIssuedInThePast, toAuthenticatedUser } from '../claims/access-token-claims';
import { InvalidAccessTokenError } from '../claims/invalid-access-token.error';
import { JwksKeyCache } from '../jwks/jwks-key-cache';
import { IssuedSessions } from '../revocation/issued-sessions';
import { RevokedSessionsStore } from '../revocation/revoked-sessions.store';

export const ACCESS_TOKEN_STRATEGY = 'metered-access-token';

/** The only algorithm identity signs with; anything else (none, HS256 …) is refused up front. */
const ALGORITHM = 'RS256';

/**
 * Picks the verification key from the token's `kid` before passport-jwt checks the
 * signature. The header is read unverified here only to choose a key: an RS256 header
 * naming one of identity's keys is required, so `alg: none` and HS256 tokens (including
 * HS256 "signed" with the public key as a shared secret) never reach a verifier.
 */
export function selectVerificationKey(
  rawToken: string,
  keys: Pick<JwksKeyCache<string>, 'keyFor'>,
): Promise<string> {
  const decoded = decode(rawToken, { complete: true });
  if (!decoded || typeof decoded.header !== 'object') {
    return Promise.reject(new InvalidAccessTokenError('access token is not a JWT'));
  }
  const { alg, kid } = decoded.header;
  if (alg !== ALGORITHM) {
    return Promise.reject(
      new InvalidAccessTokenError(`access token algorithm "${String(alg)}" is not accepted`),
    );
  }
  if (typeof kid !== 'string' || kid === '') {
    return Promise.reject(new InvalidAccessTokenError('access token has no key id (kid)'));
  }
  return keys.keyFor(kid);
}

@Injectable()
export class AccessTokenStrategy extends PassportStrategy(Strategy, ACCESS_TOKEN_STRATEGY) {
  private readonly clockToleranceSeconds: number;

  constructor(
    @Inject(AUTH_SETTINGS) settings: AuthSettings,
    keys: JwksKeyCache<string>,
    private readonly revokedSessions: RevokedSessionsStore,
    private readonly issuedSessions: IssuedSessions,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: (
        _request: Request,
        rawToken: string,
        done: (error: unknown, key?: string) => void,
      ) => {
        selectVerificationKey(rawToken, keys).then(
          (key) => done(null, key),
          (error: unknown) => done(error),
        );
      },
      algorithms: [ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
      ignoreExpiration: false,
      jsonWebTokenOptions: { clockTolerance: settings.clockToleranceSeconds },
      passReqToCallback: true,
    });
    this.clockToleranceSeconds = settings.clockToleranceSeconds;
  }

  /** Runs after signature, issuer, audience and expiry were verified. */
  async validate(request: Request, claims: unknown): Promise<AuthenticatedUser> {
    const user = toAuthenticatedUser(claims);
    assertIssuedInThePast(claims, Math.floor(Date.now() / 1000), this.clockToleranceSeconds);
    const rawToken = ExtractJwt.fromAuthHeaderAsBearerToken()(request) ?? '';
    const verdict = await this.issuedSessions.verdict(user.sessionId, rawToken);
    if (verdict === 'unknown') {
      throw new InvalidAccessTokenError('access token names a session identity never issued');
    }
    if (verdict === 'ended') {
      throw new InvalidAccessTokenError('access token belongs to a session that has ended');
    }
    if (await this.revokedSessions.isRevoked(user.sessionId)) {
      throw new InvalidAccessTokenError('access token belongs to a session that has ended');
    }
    return user;
  }
}
