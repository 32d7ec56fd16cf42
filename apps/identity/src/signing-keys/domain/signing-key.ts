import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
} from 'node:crypto';

/** The public half as a JSON Web Key, as published at /auth/jwks.json. */
export interface PublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: PublicJwk;
}

/** A fresh RSA 2048 key pair for RS256, as PKCS#8 PEM (what is stored). */
export function generatePrivateKeyPem(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/**
 * Loads a PEM private key; the `kid` is the RFC 7638 thumbprint of its public key, so the
 * same key always has the same id in every replica and after restarts.
 */
export function signingKeyFromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new Error('the signing key must be an RSA private key (RS256)');
  }
  const size = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (size < 2048) throw new Error(`the RSA signing key must have at least 2048 bits, has ${size}`);
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as { n: string; e: string };
  const kid = jwkThumbprint(jwk);
  return {
    kid,
    privateKey,
    publicJwk: { kty: 'RSA', n: jwk.n, e: jwk.e, kid, alg: 'RS256', use: 'sig' },
  };
}

/** RFC 7638: SHA-256 over the required members in lexicographic order, base64url. */
export function jwkThumbprint(jwk: { n: string; e: string }): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}
