import {
  backoffAfter,
  classifySendError,
  decideAfterFailure,
  DeliveryPolicy,
  SendFailure,
} from './delivery-policy';

const policy: DeliveryPolicy = { maxAttempts: 4, initialBackoffMs: 1000, maxBackoffMs: 5000 };
const now = new Date('2026-03-01T10:00:00.000Z');
const busy: SendFailure = { kind: 'rejected-temporarily', message: '451 try later' };
const down: SendFailure = { kind: 'unreachable', message: 'connect ECONNREFUSED' };

function retryDelay(failure: SendFailure, attempts: number): number {
  const decision = decideAfterFailure(failure, attempts, policy, now);
  if (decision.action !== 'retry') throw new Error('expected a retry');
  return decision.retryAt.getTime() - now.getTime();
}

describe('delivery policy', () => {
  it('doubles the wait after each failed attempt', () => {
    expect([1, 2, 3].map((attempts) => backoffAfter(attempts, policy))).toEqual([1000, 2000, 4000]);
  });

  it('never waits longer than the maximum backoff', () => {
    expect(backoffAfter(4, policy)).toBe(5000);
    expect(backoffAfter(500, policy)).toBe(5000);
  });

  it('retries a temporary rejection until the attempts are used up, then gives up', () => {
    expect(retryDelay(busy, 1)).toBe(1000);
    expect(retryDelay(busy, 3)).toBe(4000);
    expect(decideAfterFailure(busy, 4, policy, now)).toEqual({ action: 'give-up' });
  });

  it('gives up at once when the server refuses the email permanently', () => {
    const refused: SendFailure = { kind: 'rejected-permanently', message: '550 no such user' };
    expect(decideAfterFailure(refused, 1, policy, now)).toEqual({ action: 'give-up' });
  });

  it('keeps an email queued for as long as the SMTP server is unreachable', () => {
    expect(retryDelay(down, 4)).toBe(5000);
    expect(retryDelay(down, 40)).toBe(5000);
  });

  it('tells unreachable servers from temporary and permanent rejections', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1025'), {
      code: 'ESOCKET',
    });
    expect(classifySendError(refused).kind).toBe('unreachable');
    expect(classifySendError(Object.assign(new Error('451'), { responseCode: 451 })).kind).toBe(
      'rejected-temporarily',
    );
    expect(classifySendError(Object.assign(new Error('550'), { responseCode: 550 })).kind).toBe(
      'rejected-permanently',
    );
    expect(classifySendError('weird').message).toBe('weird');
  });
});
