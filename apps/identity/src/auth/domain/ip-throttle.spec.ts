import { afterEvent, EMPTY_WINDOW, throttledForSeconds, ThrottleWindow } from './ip-throttle';

const policy = { max: 3, windowSeconds: 60 };
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 8, 0, seconds));

function events(times: number[]): ThrottleWindow {
  return times.reduce((window, t) => afterEvent(window, at(t), policy), EMPTY_WINDOW);
}

describe('per-address throttle', () => {
  it('lets an address through until it reaches the limit within the window', () => {
    expect(throttledForSeconds(events([0, 10]), at(11), policy)).toBeNull();
    expect(throttledForSeconds(events([0, 10, 20]), at(21), policy)).toBe(39);
  });

  it('starts over once the window that began with the first event is over', () => {
    const full = events([0, 10, 20]);
    expect(throttledForSeconds(full, at(60), policy)).toBeNull();
    expect(afterEvent(full, at(61), policy)).toEqual({ count: 1, startedAt: at(61) });
  });

  it('keeps counting inside the window', () => {
    expect(events([0, 5, 50])).toEqual({ count: 3, startedAt: at(0) });
  });
});
