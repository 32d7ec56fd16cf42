import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SessionRevokedEvent, SessionStartedEvent } from '@metered/contracts';
import { EventOutbox } from '@metered/event-platform';
import { AuthenticationFailedError } from '../common/sign-in.errors';
import { IDENTITY_CONFIG, IdentityConfig } from '../config/identity.config';
import { SigningKeysService } from '../signing-keys/signing-keys.service';
import { expiresAfter, hashToken } from '../users/domain/one-time-token';
import { canSignIn, User } from '../users/domain/user';
import { UsersRepository } from '../users/persistence/users.repository';
import { accessTokenClaims, signAccessToken } from './domain/access-token';
import {
  decideRefresh,
  formatRefreshToken,
  isSessionActive,
  newRefreshSecret,
  parseRefreshToken,
  revocationPayload,
  RevocationReason,
  revoked,
  Session,
} from './domain/session';
import { SessionsRepository } from './persistence/sessions.repository';

export type SessionState = 'active' | 'ended' | 'unknown';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

const INVALID_REFRESH = 'the refresh token is invalid or has expired';

@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly keys: SigningKeysService,
    private readonly outbox: EventOutbox,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** A new session for a user who just proved their password. */
  async start(user: User): Promise<IssuedTokens> {
    const now = new Date();
    const secret = newRefreshSecret();
    const session: Session = {
      id: randomUUID(),
      userId: user.id,
      refreshTokenHash: hashToken(secret),
      rotatedTokenHashes: [],
      createdAt: now,
      refreshedAt: now,
      expiresAt: expiresAfter(now, this.config.refreshTokenTtlSeconds),
      accessTokensExpireBy: expiresAfter(now, this.config.accessTokenTtlSeconds),
      revokedAt: null,
      revokeReason: null,
    };
    // SessionStarted tells every service's session feed that this `sid` is genuine.
    const started = this.outbox.create(SessionStartedEvent, {
      sessionId: session.id,
      userId: user.id,
      startedAt: now.toISOString(),
    });
    await this.sessions.insert(session, [started]);
    return this.tokens(user, session.id, secret, now);
  }

  /**
   * Rotates the refresh token. A token that was already rotated away ends the session
   * (SessionRevoked, reason refresh-token-reuse): whoever holds the other copy is shut out too.
   */
  async refresh(refreshToken: string): Promise<{ tokens: IssuedTokens; user: User }> {
    const parsed = parseRefreshToken(refreshToken);
    if (!parsed) throw new AuthenticationFailedError(INVALID_REFRESH);
    const presentedHash = hashToken(parsed.secret);
    const now = new Date();
    const user = await this.userOfSession(parsed.sessionId);
    const secret = newRefreshSecret();
    const decision = await this.sessions.change(parsed.sessionId, (session) => {
      if (!session || !user || session.userId !== user.id || !canSignIn(user)) {
        return { result: 'invalid' as const };
      }
      const decision = decideRefresh(session, presentedHash, now);
      if (decision === 'reuse') {
        const ended = revoked(session, 'refresh-token-reuse', now);
        const event = this.outbox.create(SessionRevokedEvent, revocationPayload(ended));
        return { session: ended, events: [event], result: decision };
      }
      if (decision !== 'rotate') return { result: decision };
      const rotated: Session = {
        ...session,
        refreshTokenHash: hashToken(secret),
        rotatedTokenHashes: [...session.rotatedTokenHashes, presentedHash],
        refreshedAt: now,
        expiresAt: expiresAfter(now, this.config.refreshTokenTtlSeconds),
        accessTokensExpireBy: expiresAfter(now, this.config.accessTokenTtlSeconds),
      };
      return { session: rotated, result: decision };
    });
    if (decision !== 'rotate' || !user) {
      throw new AuthenticationFailedError(INVALID_REFRESH);
    }
    return { tokens: this.tokens(user, parsed.sessionId, secret, now), user };
  }

  /** Ends a session (idempotent); `ownerId` restricts it to that user's sessions. */
  async revoke(sessionId: string, reason: RevocationReason, ownerId?: string): Promise<boolean> {
    const now = new Date();
    return this.sessions.change(sessionId, (session) => {
      if (!session || session.revokedAt !== null) return { result: false };
      if (ownerId !== undefined && session.userId !== ownerId) return { result: false };
      const ended = revoked(session, reason, now);
      const event = this.outbox.create(SessionRevokedEvent, revocationPayload(ended));
      return { session: ended, events: [event], result: true };
    });
  }

  /** Ends every live session of the user (password reset): one SessionRevoked each. */
  async revokeAllOfUser(userId: string, reason: RevocationReason): Promise<number> {
    let count = 0;
    for (const sessionId of await this.sessions.activeIdsOfUser(userId, new Date())) {
      if (await this.revoke(sessionId, reason, userId)) count += 1;
    }
    return count;
  }

  /** The refresh token's session id, when the token has the right shape. */
  sessionIdOf(refreshToken: string): string | null {
    return parseRefreshToken(refreshToken)?.sessionId ?? null;
  }

  /** identity's own check, immediate (other services learn of revocations via Kafka). */
  async isActive(sessionId: string): Promise<boolean> {
    const session = await this.sessions.findById(sessionId);
    return session !== null && isSessionActive(session, new Date());
  }

  /**
   * What a service asks when a token names a session its feed has not seen (libs/auth
   * IssuedSessions): `unknown` means identity never issued it.
   */
  async stateOf(sessionId: string): Promise<SessionState> {
    const session = await this.sessions.findById(sessionId);
    if (session === null) return 'unknown';
    return isSessionActive(session, new Date()) ? 'active' : 'ended';
  }

  /** Housekeeping (no TTL indexes): forget sessions that ended before `before`. */
  deleteEndedBefore(before: Date): Promise<number> {
    return this.sessions.deleteEndedBefore(before);
  }

  private async userOfSession(sessionId: string): Promise<User | null> {
    const session = await this.sessions.findById(sessionId);
    return session ? this.users.findById(session.userId) : null;
  }

  private tokens(user: User, sessionId: string, secret: string, now: Date): IssuedTokens {
    const ttl = this.config.accessTokenTtlSeconds;
    const claims = accessTokenClaims(user, sessionId, now, ttl);
    return {
      accessToken: signAccessToken(claims, this.keys.current()),
      refreshToken: formatRefreshToken(sessionId, secret),
      tokenType: 'Bearer',
      expiresIn: ttl,
    };
  }
}
