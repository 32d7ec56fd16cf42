import { resolveAuthSettings } from '../auth.settings';
import { revocationRules } from './revocation-feed';

describe('revocationRules', () => {
  const expiresAt = new Date('2026-12-04T12:00:00Z');

  it('a revocation makes an unrevoked session refuse until its tokens expire', () => {
    const applied = revocationRules['apply'];
    expect(applied(null, { expiresAt })).toEqual(expiresAt);
  });

  it('a stored copy shows the revocation once it holds any entry for the session', () => {
    expect(revocationRules.reflects(null)).toBe(false);
    expect(revocationRules.reflects(expiresAt)).toBe(true);
  });
});

describe('the session cache settings', () => {
  it('is on by default and off with SESSION_CACHE=off', () => {
    expect(resolveAuthSettings({}, {}).sessionCache.enabled).toBe(true);
    expect(resolveAuthSettings({}, { SESSION_CACHE: 'off' }).sessionCache.enabled).toBe(false);
  });

  it('refuses a size that is not a positive whole number, naming the setting', () => {
    expect(() => resolveAuthSettings({}, { SESSION_CACHE_MAX_ENTRIES: '0' })).toThrow(
      'SESSION_CACHE_MAX_ENTRIES must be a positive whole number',
    );
    expect(
      resolveAuthSettings({}, { SESSION_CACHE_MAX_ENTRIES: '50' }).sessionCache.maxEntries,
    ).toBe(50);
  });
});
