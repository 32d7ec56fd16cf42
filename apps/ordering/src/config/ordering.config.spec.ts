import { readOrderingConfig } from './ordering.config';

describe('ordering settings', () => {
  it('uses the product defaults when nothing is set', () => {
    const config = readOrderingConfig({});
    expect(config.maxCartonsPerRow).toBe(4);
    expect(config.allowanceCartons).toBe(2);
    expect(config.allowanceWindowDays).toBe(30);
    expect(config.placementCache).toMatchObject({ enabled: true, maxEntries: 50_000 });
  });

  it('accepts 0 where 0 means something (no allowance window)', () => {
    const config = readOrderingConfig({ ORDER_ALLOWANCE_WINDOW_DAYS: '0' });
    expect(config.allowanceWindowDays).toBe(0);
  });

  it('refuses to start with one message naming every invalid setting', () => {
    expect(() =>
      readOrderingConfig({
        ORDER_MAX_CARTONS_PER_ROW: '0',
        ORDER_ALLOWANCE_CARTONS: '-1',
        PLACEMENT_CACHE: 'sometimes',
      }),
    ).toThrow(
      '3 setting(s) invalid:\n' +
        '  - PLACEMENT_CACHE must be on or off, got "sometimes"\n' +
        '  - ORDER_MAX_CARTONS_PER_ROW must be a positive whole number, got "0"\n' +
        '  - ORDER_ALLOWANCE_CARTONS must be a whole number ≥ 0, got "-1"',
    );
  });
});
