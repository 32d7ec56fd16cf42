import { hashToken } from '../../users/domain/one-time-token';
import {
  decideRefresh,
  formatRefreshToken,
  newRefreshSecret,
  parseRefreshToken,
  revocationPayload,
  revoked,
  Session,
} from './session';

describe('refresh tokens and sessions', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  const sessionId = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
  const current = newRefreshSecret();
  const old = newRefreshSecret();
  const session: Session = {
    id: sessionId,
    userId: '11111111-2222-4333-8444-555555555555',
    refreshTokenHash: hashToken(current),
    rotatedTokenHashes: [hashToken(old)],
    createdAt: now,
    refreshedAt: now,
    expiresAt: new Date(now.getTime() + 3600_000),
    accessTokensExpireBy: new Date(now.getTime() + 900_000),
    revokedAt: null,
    revokeReason: null,
  };

  it('round-trips the session id and secret through the token', () => {
    expect(parseRefreshToken(formatRefreshToken(sessionId, current))).toEqual({
      sessionId,
      secret: current,
    });
    expect(parseRefreshToken('garbage')).toBeNull();
    expect(parseRefreshToken(`${sessionId}.short`)).toBeNull();
  });

  it('rotates the current secret', () => {
    expect(decideRefresh(session, hashToken(current), now)).toBe('rotate');
  });

  it('treats a secret that was already rotated away as reuse', () => {
    expect(decideRefresh(session, hashToken(old), now)).toBe('reuse');
  });

  it('refuses an unknown secret without ending the session', () => {
    expect(decideRefresh(session, hashToken(newRefreshSecret()), now)).toBe('invalid');
  });

  it('refuses everything once the session is revoked or expired', () => {
    expect(decideRefresh(revoked(session, 'logout', now), hashToken(current), now)).toBe('invalid');
    expect(decideRefresh(session, hashToken(current), session.expiresAt)).toBe('invalid');
  });

  it('describes a revocation for other services, with when its tokens expire', () => {
    expect(revocationPayload(revoked(session, 'logout', now))).toEqual({
      sessionId,
      userId: session.userId,
      reason: 'logout',
      revokedAt: now.toISOString(),
      accessTokensExpireBy: session.accessTokensExpireBy.toISOString(),
    });
  });
});
