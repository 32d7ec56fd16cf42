import { DEFAULT_LEAD_TIME_DAYS, leadTimeDaysFor } from './lead-times';
import { suggestQuantity } from './suggest-quantity';

const base = { leadTimeDays: 5, reviewDays: 30, onsiteUnits: 0 };

describe('suggestQuantity', () => {
  it('covers lead time + review period beyond the current cartridge at the measured daily use', () => {
    // runs out in 10 days; 25 more days at 1/20 of a cartridge a day → 1.25 → 2 units
    const forecast = { state: 'forecast' as const, daysToEmpty: 10, dailyUse: 0.05 };
    expect(suggestQuantity({ ...base, forecast })).toBe(2);
  });

  it('subtracts onsite stock, never below zero', () => {
    const forecast = { state: 'forecast' as const, daysToEmpty: 10, dailyUse: 0.05 };
    expect(suggestQuantity({ ...base, forecast, onsiteUnits: 1 })).toBe(1);
    expect(suggestQuantity({ ...base, forecast, onsiteUnits: 5 })).toBe(0);
  });

  it('suggests nothing while the current cartridge lasts the whole horizon', () => {
    expect(
      suggestQuantity({
        ...base,
        forecast: { state: 'forecast', daysToEmpty: 40, dailyUse: 0.01 },
      }),
    ).toBe(0);
  });

  it('suggests one unit without a forecast when none is onsite', () => {
    expect(suggestQuantity({ ...base, forecast: { state: 'learning' } })).toBe(1);
    expect(
      suggestQuantity({ ...base, forecast: { state: 'cannot-forecast' }, onsiteUnits: 1 }),
    ).toBe(0);
    expect(suggestQuantity(base)).toBe(1);
  });

  it('uses a caller-given daily use when there is no forecast', () => {
    expect(suggestQuantity({ ...base, dailyUse: 0.1 })).toBe(4);
  });

  it('caps at the order form limit', () => {
    expect(
      suggestQuantity({
        ...base,
        forecast: { state: 'forecast', daysToEmpty: 0, dailyUse: 100 },
        maxQuantity: 999,
      }),
    ).toBe(999);
  });
});

describe('leadTimeDaysFor', () => {
  it('has a lead time per country and a default', () => {
    expect(leadTimeDaysFor('DE')).toBe(2);
    expect(leadTimeDaysFor('us')).toBe(3);
    expect(leadTimeDaysFor('ZZ')).toBe(DEFAULT_LEAD_TIME_DAYS);
    expect(leadTimeDaysFor(undefined)).toBe(DEFAULT_LEAD_TIME_DAYS);
  });
});
