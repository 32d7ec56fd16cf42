import { nextCheckInMs, shouldReconnect } from './database-watchdog';

describe('database watchdog: when to reconnect', () => {
  const now = 1_000_000;

  it('leaves a working client alone', () => {
    expect(shouldReconnect(null, now, true)).toBe(false);
  });

  it('waits while the client has failed for less than 20 s (the driver may still recover)', () => {
    expect(shouldReconnect(now - 19_000, now, true)).toBe(false);
  });

  it('does nothing while the server itself is down: reconnecting would not help', () => {
    expect(shouldReconnect(now - 60_000, now, false)).toBe(false);
  });

  it('reconnects when the client has failed for 20 s and a fresh client reaches the server', () => {
    expect(shouldReconnect(now - 20_000, now, true)).toBe(true);
  });

  it('checks every 30 s while the client works and every 5 s once it fails', () => {
    expect(nextCheckInMs(null)).toBe(30_000);
    expect(nextCheckInMs(now)).toBe(5_000);
  });
});
