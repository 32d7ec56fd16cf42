import { isCommonPassword } from './common-passwords';

/**
 * Password strength rules (docs/api.md): 12–128 characters, at least three of four
 * character classes, not containing the local part of the person's email address, and not a
 * commonly used or breached password (the shipped list, NIST SP 800-63B).
 * Returns every broken rule so the form can show them all at once.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

const CLASSES: ReadonlyArray<[string, RegExp]> = [
  ['lower case letters', /\p{Ll}/u],
  ['upper case letters', /\p{Lu}/u],
  ['digits', /\p{Nd}/u],
  ['symbols', /[^\p{L}\p{Nd}]/u],
];

export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push(`password must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push(`password must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  }
  const used = CLASSES.filter(([, pattern]) => pattern.test(password)).length;
  if (used < 3) {
    problems.push(
      'password must use at least three of: lower case letters, upper case letters, digits, symbols',
    );
  }
  const localPart = email.split('@')[0]?.toLowerCase() ?? '';
  // Very short local parts ("a@…") would forbid too much and protect nothing.
  if (localPart.length >= 3 && password.toLowerCase().includes(localPart)) {
    problems.push('password must not contain your email address');
  }
  if (isCommonPassword(password)) {
    problems.push(
      'password is too common: it is on a list of commonly used and breached passwords; choose something less predictable, e.g. a few unrelated words',
    );
  }
  return problems;
}
