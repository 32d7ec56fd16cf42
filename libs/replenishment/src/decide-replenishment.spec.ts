import { decideReplenishment, ReplenishmentInput } from './decide-replenishment';

const forecast = (daysToEmpty: number, state: 'forecast' | 'stale' = 'forecast') => ({
  supplyId: '1',
  state,
  daysToEmpty,
  dailyUse: 0.05,
  confidence: 'medium' as const,
  asOf: '2026-01-10T00:00:00.000Z',
});

const due: ReplenishmentInput = {
  settings: { autoReplenishment: true, lowLevelPercent: 15, safetyDays: 7 },
  forecast: forecast(9),
  percent: 40,
  onsiteUnits: 0,
  openOrderForItem: false,
  openAutoRequest: false,
  leadTimeDays: 3,
};

describe('decideReplenishment', () => {
  it('orders when the supply runs out within lead time + safety days', () => {
    expect(decideReplenishment(due)).toEqual({ order: true, reason: 'days-to-empty', quantity: 2 });
    expect(decideReplenishment({ ...due, forecast: forecast(10) })).toMatchObject({ order: true });
    expect(decideReplenishment({ ...due, forecast: forecast(10.5) })).toMatchObject({
      order: false,
    });
  });

  it('orders when the level falls below the threshold, or a coarse device says low', () => {
    const noForecast = {
      ...due,
      forecast: { supplyId: '1', state: 'learning' as const, asOf: '2026-01-10T00:00:00.000Z' },
    };
    expect(decideReplenishment({ ...noForecast, percent: 14 })).toEqual({
      order: true,
      reason: 'below-threshold',
      quantity: 1,
    });
    expect(decideReplenishment({ ...noForecast, percent: 15 })).toMatchObject({ order: false });
    expect(
      decideReplenishment({ ...noForecast, percent: undefined, coarseState: 'low' }),
    ).toMatchObject({
      order: true,
      reason: 'below-threshold',
    });
  });

  it.each([
    ['automatic replenishment is off', { settings: { ...due.settings, autoReplenishment: false } }],
    ['an order for this serial and item is open', { openOrderForItem: true }],
    ['an automatic request is already pending', { openAutoRequest: true }],
    ['1 unit(s) onsite', { onsiteUnits: 1 }],
    ['the device is silent: its readings are stale', { forecast: forecast(2, 'stale') }],
  ])('never orders when %s', (why, patch) => {
    expect(decideReplenishment({ ...due, percent: 5, ...patch })).toEqual({ order: false, why });
  });

  it('says why it is not due', () => {
    expect(decideReplenishment({ ...due, forecast: forecast(30) })).toEqual({
      order: false,
      why: 'not due: 30 days to empty, 40% (orders within 10 days or below 15%)',
    });
  });
});
