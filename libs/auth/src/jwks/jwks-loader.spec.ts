import { generateKeyPairSync } from 'node:crypto';
import { rsaSigningKeys } from './jwks-loader';

function rsaJwk(kid: string) {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...(publicKey.export({ format: 'jwk' }) as { n: string; e: string }), kty: 'RSA', kid };
}

describe('rsaSigningKeys', () => {
  it('keeps RS256 signing keys by kid, as PEM', () => {
    const keys = rsaSigningKeys([{ ...rsaJwk('a'), alg: 'RS256', use: 'sig' }, rsaJwk('b')]);
    expect([...keys.keys()]).toEqual(['a', 'b']);
    expect(keys.get('a')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it('skips keys that must never verify an access token', () => {
    const { publicKey: short } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const keys = rsaSigningKeys([
      { ...(short.export({ format: 'jwk' }) as object), kty: 'RSA', kid: 'short' },
      { kty: 'oct', kid: 'symmetric', k: 'c2VjcmV0' } as never,
      { ...rsaJwk('enc'), use: 'enc' },
      { ...rsaJwk('other-alg'), alg: 'RS512' },
      { ...rsaJwk(''), kid: '' },
      { kty: 'RSA', kid: 'malformed', n: 42, e: 'AQAB' } as never,
      { kty: 'RSA', kid: 'weak', n: 'AQAB', e: 'AQAB' },
    ]);
    expect([...keys.keys()]).toEqual([]);
  });
});
