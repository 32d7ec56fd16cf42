import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SealedLink } from '../events/shared/sealed-link';

/**
 * Seals identity's one-time links for notifications (AES-256-GCM, node:crypto), so that the
 * `identity.access-link.v1` topic, the outbox and dead letters never hold a usable link.
 *
 * - Keys: 32 random bytes, base64 (`openssl rand -base64 32`). `ACCESS_LINK_KEY` is the
 *   current key (identity seals with it); `ACCESS_LINK_PREVIOUS_KEYS` (comma separated) are
 *   keys still accepted for opening while events sealed before a rotation drain.
 * - Key id: derived from the key (first 16 hex digits of its SHA-256), so an id can never
 *   name the wrong key; it reveals nothing usable about a 256-bit key.
 * - Associated data: the event type, the user id and the recipient's address. A sealed link
 *   opens only in the event it was sealed for: copied into an event addressed elsewhere it
 *   fails authentication instead of mailing someone else's link.
 */
export class AccessLinkSealError extends Error {
  constructor(
    readonly problem: 'unknown-key' | 'not-authentic' | 'malformed',
    message: string,
  ) {
    super(message);
    this.name = 'AccessLinkSealError';
  }
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';

/** The key id of a key: the first 16 hex digits of its SHA-256. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** What a sealed link is bound to; the same on both sides or the link does not open. */
export function accessLinkContext(eventType: string, userId: string, email: string): string {
  return `${eventType}\n${userId}\n${email.toLowerCase()}`;
}

/** A base64 key of exactly 32 bytes; `name` says which setting is wrong. */
export function parseAccessLinkKey(value: string, name: string): Buffer {
  const text = value.trim();
  const key = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || key.length !== KEY_BYTES) {
    throw new Error(
      `${name} must be ${KEY_BYTES} random bytes in base64 (e.g. \`openssl rand -base64 32\`), got ${key.length} bytes`,
    );
  }
  return key;
}

export class AccessLinkKeyring {
  private readonly keys = new Map<string, Buffer>();
  /** Id of the key links are sealed with. */
  readonly currentKeyId: string;

  constructor(
    private readonly current: Buffer,
    previous: readonly Buffer[] = [],
  ) {
    for (const key of [current, ...previous]) {
      if (key.length !== KEY_BYTES) throw new Error(`an access-link key has ${KEY_BYTES} bytes`);
      this.keys.set(keyIdOf(key), key);
    }
    this.currentKeyId = keyIdOf(current);
  }

  /** Ids of every key this keyring opens with, the current one first. */
  keyIds(): string[] {
    return [...this.keys.keys()];
  }

  seal(link: string, context: string): SealedLink {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.current, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(link, 'utf8'), cipher.final()]);
    return {
      keyId: this.currentKeyId,
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  /** The link, or AccessLinkSealError (unknown key, tampered or foreign, malformed). */
  open(sealed: SealedLink, context: string): string {
    const key = this.keys.get(sealed.keyId);
    if (!key) {
      throw new AccessLinkSealError(
        'unknown-key',
        `sealed link: unknown key id ${sealed.keyId} (known: ${this.keyIds().join(', ')})`,
      );
    }
    const iv = Buffer.from(sealed.iv, 'base64');
    const tag = Buffer.from(sealed.tag, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new AccessLinkSealError('malformed', 'sealed link: iv or tag has the wrong length');
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new AccessLinkSealError(
        'not-authentic',
        `sealed link: authentication failed under key ${sealed.keyId} (tampered, or sealed for another event)`,
      );
    }
  }
}

/**
 * A fixed key for development runs without `ACCESS_LINK_KEY` (an app started by hand; the
 * local stack generates one per stack and passes it). Production refuses to start without a
 * key (the settings lists), so this key never seals a real link.
 */
const DEVELOPMENT_KEY = createHash('sha256')
  .update('metered-supplies development access-link key (not a secret)')
  .digest();

/** The file-or-value of a secret setting: `<NAME>` or the file `<NAME>_FILE` names. */
function secretValue(
  env: NodeJS.ProcessEnv,
  name: string,
  readFile: (path: string) => string,
): string | undefined {
  if (env[name]?.trim()) return env[name];
  const path = env[`${name}_FILE`]?.trim();
  return path ? readFile(path) : undefined;
}

/**
 * `ACCESS_LINK_KEY` (or `ACCESS_LINK_KEY_FILE`) and `ACCESS_LINK_PREVIOUS_KEYS` (or
 * `ACCESS_LINK_PREVIOUS_KEYS_FILE`). Without a current key: the development key outside
 * production, an error in production.
 */
export function readAccessLinkKeyring(
  env: NodeJS.ProcessEnv,
  readFile: (path: string) => string,
): AccessLinkKeyring {
  const current = secretValue(env, 'ACCESS_LINK_KEY', readFile);
  if (!current?.trim()) {
    if (env.NODE_ENV?.trim() === 'production') {
      throw new Error('ACCESS_LINK_KEY (or ACCESS_LINK_KEY_FILE) is required in production');
    }
    return new AccessLinkKeyring(DEVELOPMENT_KEY);
  }
  const previous = (secretValue(env, 'ACCESS_LINK_PREVIOUS_KEYS', readFile) ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((value, at) => parseAccessLinkKey(value, `ACCESS_LINK_PREVIOUS_KEYS[${at}]`));
  return new AccessLinkKeyring(parseAccessLinkKey(current, 'ACCESS_LINK_KEY'), previous);
}
