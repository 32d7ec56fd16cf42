import { afterFailure, LoginAttempts, lockedForSeconds, NO_ATTEMPTS } from './login-lockout';

describe('login lockout', () => {
  const policy = { maxFailures: 5, lockSeconds: 900 };
  const now = new Date('2026-01-01T12:00:00Z');
  const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

  function fail(times: number, at = now, start: LoginAttempts = NO_ATTEMPTS): LoginAttempts {
    let state = start;
    for (let i = 0; i < times; i += 1) state = afterFailure(state, at, policy);
    return state;
  }

  it('allows logins after four consecutive failures', () => {
    expect(lockedForSeconds(fail(4), now)).toBeNull();
  });

  it('locks for 15 minutes at the fifth failure', () => {
    const state = fail(5);
    expect(state.lockedUntil).toEqual(later(900));
    expect(lockedForSeconds(state, now)).toBe(900);
    expect(lockedForSeconds(state, later(899.5))).toBe(1);
  });

  it('lifts the lock when the time is over and counts afresh', () => {
    const locked = fail(5);
    expect(lockedForSeconds(locked, later(900))).toBeNull();
    const next = afterFailure(locked, later(901), policy);
    expect(next).toEqual({ failures: 1, lockedUntil: null });
  });

  it('starts from nothing again after a success (the counter is cleared)', () => {
    expect(lockedForSeconds(fail(4, now, NO_ATTEMPTS), now)).toBeNull();
    expect(fail(1, now, NO_ATTEMPTS).failures).toBe(1);
  });
});
