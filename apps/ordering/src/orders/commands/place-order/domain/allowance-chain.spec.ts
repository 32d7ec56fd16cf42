import {
  alreadyOrdered,
  chainLink,
  type ChainEntry,
  leftForGood,
  nextSeq,
  positionFor,
  unchainedLink,
} from './allowance-chain';

const now = new Date('2026-06-30T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

function entry(overrides: Partial<ChainEntry> = {}): ChainEntry {
  return {
    orderId: `o-${Math.random()}`,
    status: 'placed',
    rows: [{ reorderNumber: 'TK-1', quantity: 4 }],
    ...overrides,
  };
}

describe('the cumulative allowance (allowance chain)', () => {
  it('counts what is on the way: placed, released and shipped orders, per item', () => {
    const totals = alreadyOrdered(
      [
        entry({ status: 'placed' }),
        entry({ status: 'released', rows: [{ reorderNumber: 'TK-1', quantity: 2 }] }),
        entry({
          status: 'shipped',
          rows: [
            { reorderNumber: 'TK-1', quantity: 1 },
            { reorderNumber: 'TK-2', quantity: 3 },
          ],
        }),
      ],
      now,
      30,
    );
    expect(Object.fromEntries(totals)).toEqual({ 'TK-1': 7, 'TK-2': 3 });
  });

  it('counts orders delivered within the window, not those delivered before it', () => {
    const totals = alreadyOrdered(
      [
        entry({ status: 'delivered', deliveredAt: daysAgo(29) }),
        entry({ status: 'delivered', deliveredAt: daysAgo(31) }),
      ],
      now,
      30,
    );
    expect(totals.get('TK-1')).toBe(4);
  });

  it('does not count held orders (a person decides on them) nor cancelled ones', () => {
    const totals = alreadyOrdered(
      [entry({ status: 'held' }), entry({ status: 'cancelled' })],
      now,
      30,
    );
    expect(totals.size).toBe(0);
  });

  it('with a window of 0 days counts open orders only', () => {
    const totals = alreadyOrdered(
      [entry({ status: 'delivered', deliveredAt: now }), entry({ status: 'shipped' })],
      now,
      0,
    );
    expect(totals.get('TK-1')).toBe(4);
  });

  it('continues the chain after the highest position seen, whatever its status', () => {
    expect(nextSeq([])).toBe(1);
    expect(
      nextSeq([
        entry({ seq: 3 }),
        entry({ seq: 7, status: 'cancelled' }),
        entry({ status: 'held' }),
      ]),
    ).toBe(8);
  });

  it('lets cancelled and long-delivered orders leave the live set, but never the head', () => {
    const cancelled = entry({ seq: 1, status: 'cancelled' });
    const old = entry({ seq: 2, status: 'delivered', deliveredAt: daysAgo(40) });
    const recent = entry({ seq: 3, status: 'delivered', deliveredAt: daysAgo(2) });
    const heldThenCancelled = entry({ status: 'cancelled' });
    const head = entry({ seq: 4, status: 'cancelled' });
    expect(leftForGood([cancelled, old, recent, heldThenCancelled, head], now, 30)).toEqual([
      cancelled,
      old,
      heldThenCancelled,
    ]);
  });

  it('gives a placed order the next position, a held one none, and keeps both live', () => {
    const chain = [entry({ seq: 2 })];
    expect(positionFor('SN-1', 'o-9', 'placed', chain)).toEqual({
      link: 'SN-1#3',
      seq: 3,
      live: 'SN-1',
    });
    expect(positionFor('SN-1', 'o-9', 'held', chain)).toEqual({ link: 'order:o-9', live: 'SN-1' });
  });

  it('names positions per serial, and orders without one by their id', () => {
    expect(chainLink('SN-1', 12)).toBe('SN-1#12');
    expect(unchainedLink('abc')).toBe('order:abc');
  });
});
