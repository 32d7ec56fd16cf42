import { DocumentRetries } from './document-retries';

describe('DocumentRetries', () => {
  const backoff = { initialMs: 500, maxMs: 15000 };

  it('sets a failed document aside for twice the relay wait or its own backoff', () => {
    const retries = new DocumentRetries(backoff);
    retries.failed('orders/o-1', 1000, 0);
    expect(retries.isDue('orders/o-1', 1999)).toBe(false);
    expect(retries.isDue('orders/o-1', 2000)).toBe(true);
    expect(retries.isDue('orders/o-2', 0)).toBe(true);
  });

  it('forgets a document once it was published', () => {
    const retries = new DocumentRetries(backoff);
    retries.failed('orders/o-1', 1000, 0);
    retries.succeeded('orders/o-1');
    expect(retries.size).toBe(0);
    expect(retries.isDue('orders/o-1', 0)).toBe(true);
  });
});
