import { backoffDelay, errorMessage } from './backoff';

describe('backoffDelay', () => {
  const policy = { initialMs: 100, maxMs: 2000 };

  it('doubles from the initial delay', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy))).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelay(5, policy)).toBe(1600);
    expect(backoffDelay(6, policy)).toBe(2000);
    expect(backoffDelay(60, policy)).toBe(2000);
  });

  it('honours a custom growth factor', () => {
    expect(backoffDelay(3, { initialMs: 10, maxMs: 1000, factor: 3 })).toBe(90);
  });

  it('refuses an attempt number below one', () => {
    expect(() => backoffDelay(0, policy)).toThrow(/attempt must be a whole number/);
  });
});

describe('errorMessage', () => {
  it('reads errors, strings and plain values', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage({ code: 7 })).toBe('{"code":7}');
  });
});
