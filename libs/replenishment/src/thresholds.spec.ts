import { crossedThresholds } from './thresholds';

describe('crossedThresholds', () => {
  it('reports the thresholds passed going down, largest first', () => {
    expect(crossedThresholds(15, 13)).toEqual([14]);
    expect(crossedThresholds(15, 6)).toEqual([14, 7]);
    expect(crossedThresholds(8, 7)).toEqual([7]);
  });

  it('reports nothing while staying on one side or going up (a new cartridge re-arms them)', () => {
    expect(crossedThresholds(13, 12)).toEqual([]);
    expect(crossedThresholds(6, 60)).toEqual([]);
    expect(crossedThresholds(60, 20)).toEqual([]);
    expect(crossedThresholds(10, undefined)).toEqual([]);
  });

  it('treats a first forecast already below as crossing', () => {
    expect(crossedThresholds(undefined, 10)).toEqual([14]);
    expect(crossedThresholds(undefined, 30)).toEqual([]);
  });

  it('takes other thresholds', () => {
    expect(crossedThresholds(31, 29, [30])).toEqual([30]);
  });
});
