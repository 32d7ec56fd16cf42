import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { accessTokenClaims, signAccessToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from './access-token';

describe('access tokens', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = new Date('2026-01-01T12:00:00Z');
  const customer = {
    id: '2f1c8b7e-1111-4222-8333-444455556666',
    email: 'jane@example.com',
    roles: ['customer' as const],
    accountId: '9a8b7c6d-1111-4222-8333-444455556666',
    country: 'US',
  };

  it('carries the documented claims and expires after the TTL', () => {
    const claims = accessTokenClaims(customer, 'sid-1', now, 900);
    expect(claims).toMatchObject({
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
      sub: customer.id,
      sid: 'sid-1',
      roles: ['customer'],
      accountId: customer.accountId,
      country: 'US',
      email: 'jane@example.com',
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 900,
    });
  });

  it('leaves accountId out for staff', () => {
    const claims = accessTokenClaims(
      { ...customer, roles: ['admin'], accountId: null },
      's',
      now,
      900,
    );
    expect(claims).not.toHaveProperty('accountId');
  });

  it('is an RS256 JWS with the key id that the public key verifies', () => {
    const token = signAccessToken(accessTokenClaims(customer, 's', now, 900), {
      kid: 'k1',
      privateKey,
    });
    const [header, payload, signature] = token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'RS256',
      typ: 'JWT',
      kid: 'k1',
    });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString()).sub).toBe(customer.id);
    const valid = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      createPublicKey(privateKey),
      Buffer.from(signature, 'base64url'),
    );
    expect(valid).toBe(true);
  });
});
