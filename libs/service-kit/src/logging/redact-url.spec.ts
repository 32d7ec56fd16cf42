import { REDACTED, redactQuery, redactUrl } from './redact-url';

describe('redactUrl', () => {
  it('hides the one-time token of a set-password or reset link', () => {
    expect(redactUrl('/set-password?token=abc123secret')).toBe(`/set-password?token=${REDACTED}`);
    expect(redactUrl('/api/auth/x?email=a%40b.c&reset_token=s3cr3t&page=2')).toBe(
      `/api/auth/x?email=a%40b.c&reset_token=${REDACTED}&page=2`,
    );
  });

  it('matches names case-insensitively and when percent-encoded', () => {
    expect(redactUrl('/x?AccessToken=s1&%74oken=s2')).toBe(
      `/x?AccessToken=${REDACTED}&%74oken=${REDACTED}`,
    );
  });

  it('keeps ordinary query parameters and URLs without a query as they are', () => {
    expect(redactUrl('/api/orders?limit=1&status=placed')).toBe(
      '/api/orders?limit=1&status=placed',
    );
    expect(redactUrl('/api/health')).toBe('/api/health');
  });
});

describe('redactQuery', () => {
  it('hides the same names in a parsed query', () => {
    expect(redactQuery({ token: 'secret', limit: '1' })).toEqual({ token: REDACTED, limit: '1' });
  });
});
