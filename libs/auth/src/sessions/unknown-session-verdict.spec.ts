import { unknownSessionVerdict } from './unknown-session-verdict';

const base = { propagationSeconds: 60, alreadyWaited: false };

describe('unknownSessionVerdict', () => {
  it('refuses an older token naming a session the live feed never announced', () => {
    expect(unknownSessionVerdict({ ...base, feed: 'live', tokenAgeSeconds: 120 })).toBe('refuse');
  });

  it('waits once for the event of a token issued moments ago, then answers unavailable, never accepts', () => {
    expect(unknownSessionVerdict({ ...base, feed: 'live', tokenAgeSeconds: 1 })).toBe('wait');
    expect(
      unknownSessionVerdict({ ...base, feed: 'live', tokenAgeSeconds: 11, alreadyWaited: true }),
    ).toBe('unavailable');
  });

  it('waits for the catch-up after a start, and answers unavailable if it takes too long', () => {
    expect(unknownSessionVerdict({ ...base, feed: 'catching-up', tokenAgeSeconds: 500 })).toBe(
      'wait',
    );
    expect(
      unknownSessionVerdict({
        ...base,
        feed: 'catching-up',
        tokenAgeSeconds: 500,
        alreadyWaited: true,
      }),
    ).toBe('unavailable');
  });

  it('cannot tell anything while Kafka is away: unavailable, whatever the age', () => {
    expect(unknownSessionVerdict({ ...base, feed: 'stale', tokenAgeSeconds: 500 })).toBe(
      'unavailable',
    );
  });
});
