import { createPublicKey } from 'node:crypto';

/** What identity generates; anything shorter is refused. */
const MIN_RSA_BITS = 2048;

interface Jwk {
  kty?: unknown;
  kid?: unknown;
  alg?: unknown;
  use?: unknown;
  n?: unknown;
  e?: unknown;
}

/**
 * Fetches identity's JWKS and keeps the RS256 signing keys as SPKI PEM (what passport-jwt's
 * types accept). Anything else in the set (other key types or uses) is skipped, so it can
 * never verify a token.
 */
export async function loadJwks(url: string, timeoutMs: number): Promise<Map<string, string>> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(timeoutMs),
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  const body = (await response.json()) as { keys?: unknown };
  if (!Array.isArray(body.keys)) throw new Error(`GET ${url} returned no "keys" list`);
  return rsaSigningKeys(body.keys as Jwk[]);
}

export function rsaSigningKeys(jwks: readonly Jwk[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const jwk of jwks) {
    if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || jwk.kid === '') continue;
    if (jwk.alg !== undefined && jwk.alg !== 'RS256') continue;
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') continue;
    try {
      const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
      // A short modulus can be factored, and then anyone can sign "as identity".
      if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) continue;
      keys.set(jwk.kid, key.export({ type: 'spki', format: 'pem' }).toString());
    } catch {
      // A malformed key cannot verify anything; the others still can.
    }
  }
  return keys;
}
