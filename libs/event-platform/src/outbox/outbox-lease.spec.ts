import { LockStore } from '../locking/lock-store';
import { OutboxLease } from './outbox-lease';

/** A lease store that is always taken by someone else, counting what it is asked. */
function heldElsewhere() {
  const asked = { tryAcquire: 0, renew: 0 };
  const store = {
    tryAcquire: async () => (asked.tryAcquire++, false),
    renew: async () => (asked.renew++, false),
    release: async () => undefined,
  } as unknown as LockStore;
  return { store, asked };
}

describe('OutboxLease', () => {
  afterEach(() => jest.useRealTimers());

  it('asks for a lease held elsewhere at most once per retry interval', async () => {
    jest.useFakeTimers({ now: 0 });
    const { store, asked } = heldElsewhere();
    const lease = new OutboxLease(store, 'svc', 15000, 2000);
    for (let i = 0; i < 10; i++) expect(await lease.acquireOrRenew()).toBe(false);
    expect(asked.tryAcquire).toBe(1);
    expect(lease.nextAttemptInMs()).toBe(2000);
    jest.setSystemTime(2000);
    await lease.acquireOrRenew();
    expect(asked.tryAcquire).toBe(2);
  });

  it('renews a held lease only once a third of its lifetime has passed', async () => {
    jest.useFakeTimers({ now: 0 });
    const asked = { tryAcquire: 0, renew: 0 };
    const store = {
      tryAcquire: async () => (asked.tryAcquire++, true),
      renew: async () => (asked.renew++, true),
    } as unknown as LockStore;
    const lease = new OutboxLease(store, 'svc', 15000, 2000);
    expect(await lease.acquireOrRenew()).toBe(true);
    jest.setSystemTime(4999);
    expect(await lease.acquireOrRenew()).toBe(true);
    expect(asked).toEqual({ tryAcquire: 1, renew: 0 });
    jest.setSystemTime(5001);
    expect(await lease.acquireOrRenew()).toBe(true);
    expect(asked).toEqual({ tryAcquire: 1, renew: 1 });
  });
});
