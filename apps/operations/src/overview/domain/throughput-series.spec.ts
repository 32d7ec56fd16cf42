import { CounterTotals, ThroughputSeries } from './throughput-series';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 27, 8, 0, seconds));
const totals = (published: number, consumed: number, deadLettered = 0): CounterTotals => ({
  published,
  consumed,
  deadLettered,
});

describe('throughput series', () => {
  it('reports what happened between two readings, summed over the services', () => {
    const series = new ThroughputSeries(60_000);
    series.record(
      at(0),
      new Map([
        ['ordering', totals(10, 4)],
        ['notifications', totals(0, 9)],
      ]),
    );
    series.record(
      at(10),
      new Map([
        ['ordering', totals(13, 6)],
        ['notifications', totals(0, 12, 1)],
      ]),
    );
    expect(series.series()).toEqual([{ at: at(10), published: 3, consumed: 5, deadLettered: 1 }]);
  });

  it('counts a restarted service’s new totals instead of a negative rate', () => {
    const series = new ThroughputSeries(60_000);
    series.record(at(0), new Map([['ordering', totals(50, 50)]]));
    series.record(at(10), new Map([['ordering', totals(2, 1)]]));
    expect(series.series()[0]).toMatchObject({ published: 2, consumed: 1 });
  });

  it('forgets points older than its window', () => {
    const series = new ThroughputSeries(20_000);
    for (let i = 0; i <= 5; i++) series.record(at(i * 10), new Map([['ordering', totals(i, i)]]));
    expect(series.series().map((p) => p.at)).toEqual([at(30), at(40), at(50)]);
  });
});
