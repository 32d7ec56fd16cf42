import { onsiteAfter, onsiteAfterAll } from './onsite-stock';

describe('onsite stock', () => {
  it('a declaration replaces the estimate; a swap uses one unit; a delivery adds its units', () => {
    const declared = onsiteAfter(undefined, {
      kind: 'declared',
      units: 2,
      at: '2026-01-01T00:00:00.000Z',
    });
    expect(declared).toEqual({
      units: 2,
      declaredAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const swapped = onsiteAfter(declared, { kind: 'swap', at: '2026-01-05T00:00:00.000Z' });
    expect(swapped.units).toBe(1);
    const delivered = onsiteAfter(swapped, {
      kind: 'delivered',
      units: 3,
      at: '2026-01-06T00:00:00.000Z',
    });
    expect(delivered.units).toBe(4);
    const redeclared = onsiteAfter(delivered, {
      kind: 'declared',
      units: 1,
      at: '2026-01-07T00:00:00.000Z',
    });
    expect(redeclared.units).toBe(1);
  });

  it('never goes below zero and starts from zero without a declaration', () => {
    expect(onsiteAfter(undefined, { kind: 'swap', at: '2026-01-05T00:00:00.000Z' }).units).toBe(0);
  });

  it('ignores changes older than the latest declaration (the customer counted them already)', () => {
    const declared = onsiteAfter(undefined, {
      kind: 'declared',
      units: 2,
      at: '2026-01-10T00:00:00.000Z',
    });
    expect(onsiteAfter(declared, { kind: 'swap', at: '2026-01-09T00:00:00.000Z' })).toBe(declared);
    expect(
      onsiteAfter(declared, { kind: 'declared', units: 5, at: '2026-01-09T00:00:00.000Z' }),
    ).toBe(declared);
  });

  it('replays changes in time order', () => {
    const stock = onsiteAfterAll(undefined, [
      { kind: 'swap', at: '2026-01-03T00:00:00.000Z' },
      { kind: 'declared', units: 3, at: '2026-01-01T00:00:00.000Z' },
      { kind: 'delivered', units: 2, at: '2026-01-02T00:00:00.000Z' },
    ]);
    expect(stock?.units).toBe(4);
  });
});
