import { generatePrivateKeyPem, signingKeyFromPem } from './signing-key';
import { generateKeyPairSync } from 'node:crypto';

describe('signing keys', () => {
  const pem = generatePrivateKeyPem();

  it('publishes only the public RSA members with a stable key id', () => {
    const key = signingKeyFromPem(pem);
    expect(Object.keys(key.publicJwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(key.publicJwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    expect(signingKeyFromPem(pem).kid).toBe(key.kid);
    expect(signingKeyFromPem(generatePrivateKeyPem()).kid).not.toBe(key.kid);
  });

  it('refuses keys that are not RSA or too short', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => signingKeyFromPem(ec)).toThrow(/RSA/);
    const short = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => signingKeyFromPem(short)).toThrow(/2048/);
  });
});
