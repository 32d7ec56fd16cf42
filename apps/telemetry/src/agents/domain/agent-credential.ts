import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An agent's credential: `mdca_<agentId>_<secret>` — the agent id (a UUID) says which agent,
 * the secret (32 random bytes, hex) proves it. Only the SHA-256 of the secret is stored: the
 * secret has 256 bits of entropy, so a slow password hash adds nothing.
 */
export const CREDENTIAL_PREFIX = 'mdca_';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[0-9a-f]{64}$/;

export interface IssuedCredential {
  credential: string;
  secretHash: string;
}

export function issueCredential(agentId: string): IssuedCredential {
  const secret = randomBytes(32).toString('hex');
  return { credential: `${CREDENTIAL_PREFIX}${agentId}_${secret}`, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export interface ParsedCredential {
  agentId: string;
  secret: string;
}

/** The parts of a credential, or undefined when it is not one. */
export function parseCredential(value: string | undefined): ParsedCredential | undefined {
  if (!value || !value.startsWith(CREDENTIAL_PREFIX)) return undefined;
  const rest = value.slice(CREDENTIAL_PREFIX.length);
  const agentId = rest.slice(0, 36);
  const secret = rest.slice(37);
  if (rest[36] !== '_' || !UUID.test(agentId) || !SECRET.test(secret)) return undefined;
  return { agentId, secret };
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** `Authorization: Agent <credential>` → the credential. */
export function credentialFromAuthorization(header: string | undefined): string | undefined {
  const match = /^Agent\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
