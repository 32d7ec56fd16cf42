import { decideCap, RECIPIENT_CAP_WINDOW_MS } from './recipient-cap';

describe('the per-recipient email cap', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);

  it('admits while fewer than the limit went out in the last hour', () => {
    const recent = [{ messageId: 'a', at: ago(1000) }];
    const decision = decideCap(recent, 'b', now, 2);
    expect(decision.admitted).toBe(true);
    expect(decision.recent.map((entry) => entry.messageId)).toEqual(['a', 'b']);
  });

  it('refuses the email over the limit and keeps the window as it was', () => {
    const recent = [
      { messageId: 'a', at: ago(1000) },
      { messageId: 'b', at: ago(500) },
    ];
    expect(decideCap(recent, 'c', now, 2)).toEqual({ admitted: false, recent });
  });

  it('forgets emails older than an hour (a sliding window)', () => {
    const recent = [
      { messageId: 'old', at: ago(RECIPIENT_CAP_WINDOW_MS) },
      { messageId: 'a', at: ago(1000) },
    ];
    const decision = decideCap(recent, 'b', now, 2);
    expect(decision.admitted).toBe(true);
    expect(decision.recent.map((entry) => entry.messageId)).toEqual(['a', 'b']);
  });

  it('admits a redelivered email again without counting it twice', () => {
    const recent = [
      { messageId: 'a', at: ago(1000) },
      { messageId: 'b', at: ago(500) },
    ];
    expect(decideCap(recent, 'a', now, 2)).toEqual({ admitted: true, recent });
  });
});
