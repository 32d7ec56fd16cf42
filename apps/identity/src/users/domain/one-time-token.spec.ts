import { deterministicUuid, expiresAfter, generateOneTimeToken, hashToken } from './one-time-token';
import { hasLiveLink, User } from './user';

describe('one-time link tokens', () => {
  it('stores only a SHA-256 hash that differs from the token and finds it again', () => {
    const { token, hash } = generateOneTimeToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashToken(token)).toBe(hash);
  });

  it('never repeats a token', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => generateOneTimeToken().token));
    expect(tokens.size).toBe(100);
  });

  it('derives the same UUID from the same registration and another from another', () => {
    const first = deterministicUuid('registration-user', 'r-1');
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicUuid('registration-user', 'r-1')).toBe(first);
    expect(deterministicUuid('registration-user', 'r-2')).not.toBe(first);
  });

  describe('a link', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const user = (purpose: 'setup' | 'reset', expiresAt: Date): User =>
      ({ accessLink: { purpose, tokenHash: 'h', expiresAt } }) as User;

    it('works until it expires', () => {
      const expiresAt = expiresAfter(now, 3600);
      expect(hasLiveLink(user('setup', expiresAt), 'setup', now)).toBe(true);
      expect(hasLiveLink(user('setup', expiresAt), 'setup', expiresAt)).toBe(false);
    });

    it('works only for its own purpose', () => {
      expect(hasLiveLink(user('setup', expiresAfter(now, 60)), 'reset', now)).toBe(false);
    });

    it('is gone once used', () => {
      expect(hasLiveLink({ accessLink: null } as User, 'setup', now)).toBe(false);
    });
  });
});
