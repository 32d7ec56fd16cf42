import { createHash, randomBytes } from 'node:crypto';

export interface OneTimeToken {
  /** What goes into the mailed link; never stored. */
  token: string;
  /** What is stored and looked up. */
  hash: string;
}

/** A random 256-bit secret, URL-safe, with its SHA-256 hash. */
export function generateOneTimeToken(): OneTimeToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** SHA-256 (hex) of a token: high-entropy secrets need no salt or slow hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function expiresAfter(now: Date, seconds: number): Date {
  return new Date(now.getTime() + seconds * 1000);
}

/**
 * A name-based UUID (RFC 4122 version 5 layout, SHA-1 of namespace + name), so the same
 * business key always yields the same id and a repeated insert hits the unique _id.
 */
export function deterministicUuid(namespace: string, name: string): string {
  const bytes = createHash('sha1').update(`${namespace}:${name}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
