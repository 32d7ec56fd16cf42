import { randomBytes } from 'node:crypto';
import {
  accessLinkContext,
  AccessLinkKeyring,
  AccessLinkSealError,
  keyIdOf,
  parseAccessLinkKey,
  readAccessLinkKeyring,
} from './access-link-cipher';

const LINK = 'https://portal.example/set-password#token=secret-token-value';
const CONTEXT = accessLinkContext('LoginDetailsIssued', 'user-1', 'ada@example.com');

function problemOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof AccessLinkSealError ? error.problem : `other: ${String(error)}`;
  }
}

/** The base64 of `bytes` with one bit of byte `at` flipped. */
function flipped(base64: string, at = 0): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[at] ^= 0x01;
  return bytes.toString('base64');
}

describe('AccessLinkKeyring', () => {
  const key = randomBytes(32);
  const keyring = new AccessLinkKeyring(key);

  it('round-trips a link, and the sealed form does not contain it', () => {
    const sealed = keyring.seal(LINK, CONTEXT);
    expect(sealed.keyId).toBe(keyIdOf(key));
    expect(JSON.stringify(sealed)).not.toContain('secret-token-value');
    expect(keyring.open(sealed, CONTEXT)).toBe(LINK);
  });

  it('uses a fresh iv each time', () => {
    expect(keyring.seal(LINK, CONTEXT).iv).not.toBe(keyring.seal(LINK, CONTEXT).iv);
  });

  it('refuses a link sealed under another key with the same id (wrong key)', () => {
    const sealed = new AccessLinkKeyring(randomBytes(32)).seal(LINK, CONTEXT);
    expect(problemOf(() => keyring.open({ ...sealed, keyId: keyring.currentKeyId }, CONTEXT))).toBe(
      'not-authentic',
    );
  });

  it('refuses an unknown key id and names it', () => {
    const sealed = new AccessLinkKeyring(randomBytes(32)).seal(LINK, CONTEXT);
    expect(problemOf(() => keyring.open(sealed, CONTEXT))).toBe('unknown-key');
    expect(() => keyring.open(sealed, CONTEXT)).toThrow(sealed.keyId);
  });

  it('refuses a tampered tag, ciphertext or iv', () => {
    const sealed = keyring.seal(LINK, CONTEXT);
    expect(problemOf(() => keyring.open({ ...sealed, tag: flipped(sealed.tag) }, CONTEXT))).toBe(
      'not-authentic',
    );
    expect(
      problemOf(() =>
        keyring.open({ ...sealed, ciphertext: flipped(sealed.ciphertext, 5) }, CONTEXT),
      ),
    ).toBe('not-authentic');
    expect(problemOf(() => keyring.open({ ...sealed, iv: flipped(sealed.iv) }, CONTEXT))).toBe(
      'not-authentic',
    );
  });

  it('refuses a tag or iv of the wrong length', () => {
    const sealed = keyring.seal(LINK, CONTEXT);
    expect(problemOf(() => keyring.open({ ...sealed, tag: 'AAAA' }, CONTEXT))).toBe('malformed');
  });

  it('opens only in the event it was sealed for (type, user, address)', () => {
    const sealed = keyring.seal(LINK, CONTEXT);
    for (const other of [
      accessLinkContext('PasswordResetRequested', 'user-1', 'ada@example.com'),
      accessLinkContext('LoginDetailsIssued', 'user-2', 'ada@example.com'),
      accessLinkContext('LoginDetailsIssued', 'user-1', 'eve@example.com'),
    ]) {
      expect(problemOf(() => keyring.open(sealed, other))).toBe('not-authentic');
    }
  });

  it('opens links of a previous key after a rotation, and seals with the current one', () => {
    const previous = randomBytes(32);
    const old = new AccessLinkKeyring(previous).seal(LINK, CONTEXT);
    const rotated = new AccessLinkKeyring(key, [previous]);
    expect(rotated.open(old, CONTEXT)).toBe(LINK);
    expect(rotated.seal(LINK, CONTEXT).keyId).toBe(keyIdOf(key));
    expect(rotated.keyIds()).toEqual([keyIdOf(key), keyIdOf(previous)]);
  });
});

describe('readAccessLinkKeyring', () => {
  const key = randomBytes(32).toString('base64');
  const previous = randomBytes(32).toString('base64');
  const noFiles = (path: string): string => {
    throw new Error(`unexpected read of ${path}`);
  };

  it('reads the current and previous keys from values or files', () => {
    const files: Record<string, string> = { '/run/key': `${key}\n`, '/run/prev': previous };
    const fromFiles = readAccessLinkKeyring(
      { ACCESS_LINK_KEY_FILE: '/run/key', ACCESS_LINK_PREVIOUS_KEYS_FILE: '/run/prev' },
      (path) => files[path],
    );
    const fromValues = readAccessLinkKeyring(
      { ACCESS_LINK_KEY: key, ACCESS_LINK_PREVIOUS_KEYS: ` ${previous}, ` },
      noFiles,
    );
    expect(fromFiles.keyIds()).toEqual(fromValues.keyIds());
    expect(fromValues.currentKeyId).toBe(keyIdOf(Buffer.from(key, 'base64')));
  });

  it('refuses a key that is not 32 bytes of base64, naming the setting', () => {
    expect(() => readAccessLinkKeyring({ ACCESS_LINK_KEY: 'c2hvcnQ=' }, noFiles)).toThrow(
      /ACCESS_LINK_KEY must be 32 random bytes/,
    );
    expect(() =>
      readAccessLinkKeyring({ ACCESS_LINK_KEY: key, ACCESS_LINK_PREVIOUS_KEYS: 'x!' }, noFiles),
    ).toThrow(/ACCESS_LINK_PREVIOUS_KEYS\[0\]/);
    expect(() => parseAccessLinkKey('not base64 at all', 'K')).toThrow(/K must be/);
  });

  it('needs a key in production; development falls back to a fixed development key', () => {
    expect(() => readAccessLinkKeyring({ NODE_ENV: 'production' }, noFiles)).toThrow(
      /ACCESS_LINK_KEY/,
    );
    expect(readAccessLinkKeyring({}, noFiles).currentKeyId).toMatch(/^[0-9a-f]{16}$/);
  });
});
