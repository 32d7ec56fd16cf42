import { toAuthenticatedUser } from './access-token-claims';
import { InvalidAccessTokenError } from './invalid-access-token.error';

const claims = {
  iss: 'metered-supplies/identity',
  aud: 'metered-supplies',
  sub: '6f1c1d9e-3a43-4a4b-9d0e-1f2a3b4c5d6e',
  sid: '0b9f8e7d-6c5b-4a39-8281-7f6e5d4c3b2a',
  roles: ['customer'],
  accountId: 'ACC-1001',
  country: 'DE',
  email: 'Buyer@Example.com',
  iat: 1_700_000_000,
  exp: 1_700_000_900,
};

describe('toAuthenticatedUser', () => {
  it('maps the documented claims to the caller', () => {
    expect(toAuthenticatedUser(claims)).toEqual({
      userId: claims.sub,
      sessionId: claims.sid,
      roles: ['customer'],
      accountId: 'ACC-1001',
      country: 'DE',
      email: 'buyer@example.com',
    });
  });

  it('leaves accountId out for staff users who have none', () => {
    const { accountId: _none, ...staff } = { ...claims, roles: ['validator', 'admin'] };
    const user = toAuthenticatedUser(staff);
    expect(user).not.toHaveProperty('accountId');
    expect(user.roles).toEqual(['validator', 'admin']);
  });

  it('accepts a token that lives exactly the maximum lifetime', () => {
    expect(toAuthenticatedUser({ ...claims, exp: claims.iat + 3600 }).userId).toBe(claims.sub);
  });

  it('collapses repeated roles', () => {
    expect(toAuthenticatedUser({ ...claims, roles: ['ops', 'ops'] }).roles).toEqual(['ops']);
  });

  it.each([
    ['a missing sub', { sub: undefined }, /"sub"/],
    ['a sub that is not a UUID', { sub: 'admin' }, /"sub"/],
    ['a missing session id, which would escape revocation', { sid: undefined }, /"sid"/],
    ['no roles', { roles: [] }, /"roles"/],
    ['an unknown role', { roles: ['customer', 'root'] }, /"roles"/],
    ['roles that are not a list', { roles: 'admin' }, /"roles"/],
    ['a lower-case country', { country: 'de' }, /"country"/],
    ['no email', { email: undefined }, /"email"/],
    ['an empty accountId', { accountId: '' }, /"accountId"/],
    ['no expiry, which would never expire', { exp: undefined }, /expiry/],
    ['no issue time, so no bounded lifetime', { iat: undefined }, /issue time/],
    ['a lifetime of ten years', { exp: 1_700_000_000 + 10 * 365 * 86_400 }, /lifetime/],
    ['a lifetime one second above the maximum', { exp: 1_700_003_601 }, /lifetime/],
  ])('refuses a token with %s', (_case, change, message) => {
    const call = () => toAuthenticatedUser({ ...claims, ...change });
    expect(call).toThrow(InvalidAccessTokenError);
    expect(call).toThrow(message);
  });

  it.each([null, 'text', 42, [claims]])('refuses a payload that is not an object (%p)', (value) => {
    expect(() => toAuthenticatedUser(value)).toThrow(InvalidAccessTokenError);
  });
});
