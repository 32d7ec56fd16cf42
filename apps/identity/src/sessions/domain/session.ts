import { randomBytes } from 'node:crypto';
import type { SessionRevokedPayload } from '@metered/contracts';

export type RevocationReason = SessionRevokedPayload['reason'];

/** A sign-in: one refresh-token chain; its id is the `sid` claim of its access tokens. */
export interface Session {
  id: string;
  userId: string;
  /** SHA-256 of the refresh token's secret that is valid now. */
  refreshTokenHash: string;
  /** Hashes of secrets already rotated away: presenting one means the token was stolen. */
  rotatedTokenHashes: string[];
  createdAt: Date;
  refreshedAt: Date;
  /** Without a refresh before this, the session ends. */
  expiresAt: Date;
  /** The latest expiry of any access token issued for this session. */
  accessTokensExpireBy: Date;
  revokedAt: Date | null;
  revokeReason: RevocationReason | null;
}

/** `<sessionId>.<secret>`: the id finds the session, the secret proves possession. */
export function newRefreshSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatRefreshToken(sessionId: string, secret: string): string {
  return `${sessionId}.${secret}`;
}

const REFRESH_TOKEN_PATTERN =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export function parseRefreshToken(token: string): { sessionId: string; secret: string } | null {
  const match = REFRESH_TOKEN_PATTERN.exec(token);
  return match ? { sessionId: match[1], secret: match[2] } : null;
}

export function isSessionActive(session: Session, now: Date): boolean {
  return session.revokedAt === null && session.expiresAt.getTime() > now.getTime();
}

export type RefreshDecision = 'rotate' | 'reuse' | 'invalid';

/**
 * What a presented refresh secret means: the current one rotates; one that was already
 * rotated away is a replay (someone holds a copy), so the whole session must end.
 */
export function decideRefresh(session: Session, presentedHash: string, now: Date): RefreshDecision {
  if (!isSessionActive(session, now)) return 'invalid';
  if (presentedHash === session.refreshTokenHash) return 'rotate';
  if (session.rotatedTokenHashes.includes(presentedHash)) return 'reuse';
  return 'invalid';
}

export function revoked(session: Session, reason: RevocationReason, now: Date): Session {
  return { ...session, revokedAt: now, revokeReason: reason };
}

export function revocationPayload(session: Session): SessionRevokedPayload {
  return {
    sessionId: session.id,
    userId: session.userId,
    reason: session.revokeReason ?? 'admin',
    revokedAt: (session.revokedAt ?? new Date()).toISOString(),
    accessTokensExpireBy: session.accessTokensExpireBy.toISOString(),
  };
}
