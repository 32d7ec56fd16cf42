/**
 * Tokens for tests of the refusal paths: a locally generated RSA key pair with its JWKS,
 * and hand-built tokens (alg none, HS256 keyed with a public key) that jsonwebtoken refuses
 * to produce. Used by the library's specs and the cross-service e2e tests; never by services.
 */
import {
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  randomUUID,
} from 'node:crypto';
import { sign } from 'jsonwebtoken';

export const TEST_ISSUER = 'metered-supplies/identity';
export const TEST_AUDIENCE = 'metered-supplies';

export interface TestKeyPair {
  kid: string;
  privateKey: KeyObject;
  publicKeyPem: string;
  publicJwk: { kty: 'RSA'; n: string; e: string; kid: string; alg: 'RS256'; use: 'sig' };
}

export function generateTestKeyPair(kid = `test-${randomUUID()}`): TestKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return {
    kid,
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicJwk: { kty: 'RSA', n: jwk.n, e: jwk.e, kid, alg: 'RS256', use: 'sig' },
  };
}

export function publicKeyPemOf(jwk: { n: string; e: string }): string {
  return createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
}

export function testClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sub: randomUUID(),
    sid: randomUUID(),
    roles: ['customer'],
    accountId: 'ACC-TEST',
    country: 'DE',
    email: 'someone@example.com',
    ...overrides,
  };
}

/** A well-formed RS256 token signed with `key` (issuer/audience/expiry overridable). */
export function signRs256(
  key: Pick<TestKeyPair, 'kid' | 'privateKey'>,
  claims: Record<string, unknown>,
  options: { expiresInSeconds?: number; issuer?: string; audience?: string; kid?: string } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const { exp, iat, ...rest } = claims;
  return sign(
    {
      iss: options.issuer ?? TEST_ISSUER,
      aud: options.audience ?? TEST_AUDIENCE,
      iat: iat ?? now,
      exp: exp ?? now + (options.expiresInSeconds ?? 900),
      ...rest,
    },
    key.privateKey,
    { algorithm: 'RS256', keyid: options.kid ?? key.kid },
  );
}

function segment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeSegments(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header, payload] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>,
  };
}

/** The claims of a genuine token with `alg: none` and no signature (the classic forgery). */
export function withAlgNone(genuine: string, claimChanges: Record<string, unknown> = {}): string {
  const { header, payload } = decodeSegments(genuine);
  return `${segment({ ...header, alg: 'none' })}.${segment({ ...payload, ...claimChanges })}.`;
}

/**
 * HS256 with the verifier's public key (PEM text) as the HMAC secret: the key-confusion
 * attack that works against verifiers that let the token choose the algorithm.
 */
export function withHs256PublicKey(
  genuine: string,
  publicKeyPem: string,
  claimChanges: Record<string, unknown> = {},
): string {
  const { header, payload } = decodeSegments(genuine);
  const unsigned = `${segment({ ...header, alg: 'HS256' })}.${segment({ ...payload, ...claimChanges })}`;
  const signature = createHmac('sha256', publicKeyPem).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

/** The same header (kid) and claims, signed with another private key: a wrong signature. */
export function resignedWith(
  genuine: string,
  otherKey: KeyObject,
  claimChanges: Record<string, unknown> = {},
): string {
  const { header, payload } = decodeSegments(genuine);
  return sign({ ...payload, ...claimChanges }, otherKey, {
    algorithm: 'RS256',
    keyid: String(header.kid),
  });
}

/** A genuine token whose payload was edited after signing (signature no longer matches). */
export function tamperedClaims(genuine: string, claimChanges: Record<string, unknown>): string {
  const [header, , signature] = genuine.split('.');
  const { payload } = decodeSegments(genuine);
  return `${header}.${segment({ ...payload, ...claimChanges })}.${signature}`;
}
