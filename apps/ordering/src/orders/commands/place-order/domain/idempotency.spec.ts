import { decideReplay, isAbandoned, requestHash, type IdempotencyClaim } from './idempotency';

const request = {
  accountId: 'acc-1',
  serial: 'E72345A6N1',
  shippingMethod: 'standard',
  rows: [{ reorderNumber: 'TK-1', fullCartonsOnsite: 0, bottlesOnsite: 1, quantity: 2 }],
};

function claim(hash: string, claimedAt = new Date('2026-01-01T00:00:00Z')): IdempotencyClaim {
  return { accountId: 'acc-1', key: 'k', requestHash: hash, orderId: 'order-1', claimedAt };
}

describe('idempotency decision', () => {
  it('answers the same request again with the first order', () => {
    const hash = requestHash(request);
    expect(requestHash({ ...request, rows: [{ ...request.rows[0] }] })).toBe(hash);
    expect(decideReplay(claim(hash), hash)).toEqual({ kind: 'replay', orderId: 'order-1' });
  });

  it('refuses the key for a different body (another quantity, serial or account)', () => {
    const hash = requestHash(request);
    for (const other of [
      { ...request, rows: [{ ...request.rows[0], quantity: 3 }] },
      { ...request, serial: 'E72345A6N2' },
      { ...request, accountId: 'acc-2' },
      { ...request, shippingMethod: 'expedited' },
    ]) {
      expect(decideReplay(claim(hash), requestHash(other))).toEqual({ kind: 'mismatch' });
    }
  });

  it('lets a claim whose order never appeared be taken over after 30 s', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(isAbandoned(claim('h', at), new Date(at.getTime() + 29_000))).toBe(false);
    expect(isAbandoned(claim('h', at), new Date(at.getTime() + 31_000))).toBe(true);
  });
});
