import { percentile, summarise } from './stats';

describe('latency figures', () => {
  it('takes the nearest-rank percentile', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
  });

  it('summarises unsorted samples and says NaN for none', () => {
    expect(summarise([5, 1, 3])).toMatchObject({ count: 3, p50: 3, max: 5, mean: 3 });
    expect(summarise([]).p50).toBeNaN();
  });
});
