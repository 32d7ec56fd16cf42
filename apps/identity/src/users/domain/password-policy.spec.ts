import { passwordProblems } from './password-policy';

describe('password rules', () => {
  const email = 'jane.doe@example.com';

  it('accepts a long password with three character classes', () => {
    expect(passwordProblems('correct-horse-42', email)).toEqual([]);
  });

  it('names the length rule for a short password', () => {
    expect(passwordProblems('Ab1!', email)).toContain(
      'password must be at least 12 characters long',
    );
  });

  it('names the length rule for a password over 128 characters', () => {
    expect(passwordProblems(`Aa1!${'x'.repeat(125)}`, email)).toContain(
      'password must be at most 128 characters long',
    );
  });

  it('counts characters, not bytes, so 12 accented letters and digits are long enough', () => {
    expect(passwordProblems('Éléphant-2026', email)).toEqual([]);
  });

  it('refuses a password using only two character classes', () => {
    expect(passwordProblems('onlylowercase123', email)).toEqual([
      'password must use at least three of: lower case letters, upper case letters, digits, symbols',
    ]);
  });

  it('refuses a password containing the email local part, in any case', () => {
    expect(passwordProblems('My-JANE.DOE-2026', email)).toEqual([
      'password must not contain your email address',
    ]);
  });

  it('reports every broken rule at once', () => {
    expect(passwordProblems('jane.doe', email)).toHaveLength(3);
  });

  it('refuses a common password, also decorated with case, digits, symbols and look-alikes', () => {
    for (const common of ['Password1234', 'QWERTY123456!', 'P@ssw0rd-2026!', '!!Sunshine2025!!']) {
      expect(passwordProblems(common, email)).toEqual([
        expect.stringMatching(/^password is too common/),
      ]);
    }
  });

  it('accepts the demo and test passwords, which only contain common words', () => {
    for (const password of [
      'Metered-Demo-2026!',
      'Metered-Admin-2026!',
      'Toner-Bottle-Carton-77',
      'Long-Enough-Password-1',
      'Blue-Toner-Cartridge-42',
    ]) {
      expect(passwordProblems(password, email)).toEqual([]);
    }
  });
});
