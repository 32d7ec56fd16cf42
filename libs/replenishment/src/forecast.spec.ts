import { applyReadings } from './device-state';
import { daysToEmptyAt, forecastSupply, isSilent } from './forecast';
import { black, dayIso, fallingHistory, reading } from './testing/reading-builders';

const at = (day: number) => new Date(dayIso(day));

describe('forecastSupply', () => {
  it('is learning with one level, or levels spanning less than three days', () => {
    const one = applyReadings(undefined, [reading(0, [black(80)])]).state;
    expect(forecastSupply(one, '1', at(0))).toMatchObject({ state: 'learning' });
    const short = applyReadings(undefined, fallingHistory(0, 3, 80, 2)).state;
    expect(forecastSupply(short, '1', at(2))).toMatchObject({ state: 'learning' });
  });

  it('goes from learning to a forecast once two levels lie three days apart', () => {
    const { state } = applyReadings(undefined, fallingHistory(0, 4, 80, 2));
    const forecast = forecastSupply(state, '1', at(3));
    expect(forecast).toMatchObject({ state: 'forecast', basis: 'level', asOf: dayIso(3) });
    expect(forecast.daysToEmpty).toBeCloseTo(37, 0);
    expect(forecast.confidence).toBe('low');
  });

  it('is confident on a long, clean history and sure of empty when the level is 0', () => {
    const { state } = applyReadings(undefined, fallingHistory(0, 30, 90, 2));
    const forecast = forecastSupply(state, '1', at(29));
    expect(forecast.state).toBe('forecast');
    expect(forecast.daysToEmpty).toBeCloseTo(16, 0);
    expect(forecast.confidence).toBe('high');
    const empty = applyReadings(state, [reading(30, [black(0)])]).state;
    expect(forecastSupply(empty, '1', at(30))).toMatchObject({ daysToEmpty: 0 });
  });

  it('forecasts the current cartridge only (a swap restarts learning)', () => {
    const { state } = applyReadings(undefined, [
      ...fallingHistory(0, 20, 50, 2),
      reading(20, [black(100)]),
    ]);
    expect(forecastSupply(state, '1', at(20))).toMatchObject({ state: 'learning' });
  });

  it('is not thrown by one outlier reading', () => {
    const history = fallingHistory(0, 20, 90, 2);
    history[10] = reading(10, [black(20)], { counters: history[10].counters });
    const { state } = applyReadings(undefined, history);
    expect(forecastSupply(state, '1', at(19)).daysToEmpty).toBeCloseTo(26, 0);
  });

  it('cannot forecast a device that reports only coarse states', () => {
    const { state } = applyReadings(
      undefined,
      [0, 5, 10].map((day) => reading(day, [{ supplyId: '1', description: 'Toner', state: 'ok' }])),
    );
    expect(forecastSupply(state, '1', at(10))).toMatchObject({
      state: 'cannot-forecast',
      why: 'the device reports only low / ok / empty',
    });
  });

  it('cannot forecast "some remaining" or unknown levels', () => {
    const { state } = applyReadings(
      undefined,
      [0, 5, 10].map((day) =>
        reading(day, [{ supplyId: '1', description: 'Toner', level: -3, maxCapacity: -2 }]),
      ),
    );
    expect(forecastSupply(state, '1', at(10)).state).toBe('cannot-forecast');
  });

  it('forecasts a coarse device from page counters × rated yield once a swap was seen', () => {
    const coarse = (day: number, state: 'ok' | 'low', total: number) =>
      reading(day, [{ supplyId: '1', description: 'Toner', state }], { counters: { total } });
    const readings = [
      coarse(0, 'low', 1000),
      coarse(1, 'ok', 1100),
      coarse(4, 'ok', 1400),
      coarse(6, 'ok', 1600),
    ];
    const { state } = applyReadings(undefined, readings);
    const forecast = forecastSupply(state, '1', at(6), { ratedYieldPages: 3000 });
    // 500 printed since the swap, 2500 left at 100 pages a day
    expect(forecast).toMatchObject({ state: 'forecast', basis: 'pages', daysToEmpty: 25 });
    expect(forecastSupply(state, '1', at(6)).state).toBe('cannot-forecast');
    const noSwap = applyReadings(undefined, readings.slice(1)).state;
    expect(forecastSupply(noSwap, '1', at(6), { ratedYieldPages: 3000 })).toMatchObject({
      state: 'learning',
    });
  });

  it('goes stale when the device is silent, keeping its last figure', () => {
    const { state } = applyReadings(undefined, fallingHistory(0, 10, 80, 2));
    const forecast = forecastSupply(state, '1', at(13), { silentAfterDays: 3 });
    expect(forecast).toMatchObject({ state: 'stale', confidence: 'low', asOf: dayIso(9) });
    expect(forecast.daysToEmpty).toBeGreaterThan(0);
    expect(forecastSupply(state, '1', at(12), { silentAfterDays: 3 }).state).toBe('stale');
    expect(forecastSupply(state, '1', at(11.9), { silentAfterDays: 3 }).state).toBe('forecast');
  });

  it('is learning for a supply never reported', () => {
    const { state } = applyReadings(undefined, [reading(0, [black(50)])]);
    expect(forecastSupply(state, 'nope', at(0)).state).toBe('learning');
  });
});

describe('isSilent and daysToEmptyAt', () => {
  it('counts silence from the last reading; a device that never reported is not silent', () => {
    const { state } = applyReadings(undefined, [reading(0, [black(50)])]);
    expect(isSilent(state, at(2.9), 3)).toBe(false);
    expect(isSilent(state, at(3), 3)).toBe(true);
    expect(isSilent(undefined, at(30), 3)).toBe(false);
  });

  it('moves days to empty to now', () => {
    expect(
      daysToEmptyAt({ supplyId: '1', state: 'forecast', daysToEmpty: 10, asOf: dayIso(0) }, at(4)),
    ).toBe(6);
    expect(
      daysToEmptyAt({ supplyId: '1', state: 'forecast', daysToEmpty: 2, asOf: dayIso(0) }, at(4)),
    ).toBe(0);
  });
});
