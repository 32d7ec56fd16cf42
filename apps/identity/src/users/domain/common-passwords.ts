import { COMMON_PASSWORD_LIST } from './common-passwords.list';

const COMMON = new Set(
  COMMON_PASSWORD_LIST.split('\n')
    .map((entry) => entry.trim())
    .filter(Boolean),
);

/** Digits and symbols people put around a word to satisfy the character rules. */
const DECORATION = /^[^\p{L}]+|[^\p{L}]+$/gu;

/** Symbols and digits that stand for letters ("p@ssw0rd"). */
const LOOKALIKES: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
};

/**
 * Whether the password is, or is a decorated form of, a commonly used or breached password
 * (NIST SP 800-63B): compared lower-cased, then its core without leading and trailing digits
 * and symbols ("Password1234!" → "password"), then that core with look-alike characters
 * read as letters ("P@ssw0rd" → "password"). Only whole matches count, so a passphrase that
 * merely contains a common word ("Toner-Bottle-Carton-77") passes.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFKC').toLowerCase();
  const core = lower.replace(DECORATION, '');
  const unmasked = [...core].map((character) => LOOKALIKES[character] ?? character).join('');
  return [lower, core, unmasked].some((candidate) => candidate.length > 0 && COMMON.has(candidate));
}
