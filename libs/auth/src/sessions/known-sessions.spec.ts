import { KNOWN_SESSION_GRACE_MS, KnownSessions } from './known-sessions';

const NOW = Date.parse('2026-12-04T08:00:00Z');
const inMinutes = (minutes: number) => new Date(NOW + minutes * 60_000);

describe('KnownSessions', () => {
  it('does not know a session identity never announced', () => {
    expect(new KnownSessions().status('never-started', NOW)).toBe('unknown');
  });

  it('knows a started session until its last token expired plus grace, then forgets it', () => {
    const sessions = new KnownSessions();
    sessions.issued('s1', inMinutes(15));
    expect(sessions.status('s1', NOW)).toBe('active');
    const gone = NOW + 15 * 60_000 + KNOWN_SESSION_GRACE_MS;
    expect(sessions.status('s1', gone)).toBe('unknown');
    expect(sessions.prune(gone)).toBe(1);
    expect(sessions.size).toBe(0);
  });

  it('keeps a revoked session revoked, even when an older started event is replayed after it', () => {
    const sessions = new KnownSessions();
    sessions.issued('s1', inMinutes(15));
    sessions.revoked('s1', inMinutes(15));
    sessions.issued('s1', inMinutes(10));
    expect(sessions.status('s1', NOW)).toBe('revoked');
  });

  it('a refresh extends the session; a replayed older event does not shorten it', () => {
    const sessions = new KnownSessions();
    sessions.issued('s1', inMinutes(30));
    sessions.issued('s1', inMinutes(15));
    expect(sessions.status('s1', NOW + 25 * 60_000)).toBe('active');
  });

  it('wakes a request waiting for the session as soon as its event arrives', async () => {
    const sessions = new KnownSessions();
    const waiting = sessions.waitFor('s1', 60_000);
    sessions.issued('s1', new Date(Date.now() + 60_000));
    await waiting;
    expect(sessions.status('s1')).toBe('active');
  });
});
