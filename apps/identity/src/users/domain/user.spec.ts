import { canSignIn, forgotPasswordLinkFor, normaliseEmail, User } from './user';

describe('users', () => {
  const base = { status: 'active', passwordHash: 'scrypt$…' } as User;

  it('compares emails lower-cased and trimmed', () => {
    expect(normaliseEmail('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
  });

  it('lets only active users with a password sign in', () => {
    expect(canSignIn(base)).toBe(true);
    expect(canSignIn({ ...base, status: 'invited', passwordHash: null })).toBe(false);
    expect(canSignIn({ ...base, status: 'disabled' })).toBe(false);
  });

  it('sends active users a reset link on "forgot password"', () => {
    expect(forgotPasswordLinkFor(base)).toBe('reset');
  });

  it('sends invited users a fresh set-password link instead, so an expired invitation is not a dead end', () => {
    expect(forgotPasswordLinkFor({ ...base, status: 'invited', passwordHash: null })).toBe('setup');
  });

  it('sends disabled users nothing', () => {
    expect(forgotPasswordLinkFor({ ...base, status: 'disabled' })).toBeNull();
  });
});
