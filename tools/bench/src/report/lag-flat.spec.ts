import { KAFKA_LAG_SERIES, OUTBOX_SERIES } from '../pipeline/backlog-series';
import { backlogFlat, describeGrowth } from './lag-flat';

describe('flat backlog across the main run', () => {
  it('is flat when every series ends within the in-flight tolerance', () => {
    const verdict = backlogFlat(
      { [KAFKA_LAG_SERIES]: [4, 30, 12], [OUTBOX_SERIES]: [0, 9, 16] },
      8,
    );
    expect(verdict).toEqual({ flat: true, grew: [] });
  });

  it('is not flat when the outbox backlog grows, even with a flat Kafka lag', () => {
    const verdict = backlogFlat(
      { [KAFKA_LAG_SERIES]: [2, 3, 2], [OUTBOX_SERIES]: [10, 80, 200] },
      8,
    );
    expect(verdict.flat).toBe(false);
    expect(describeGrowth(verdict.grew)).toBe(`${OUTBOX_SERIES} 10 → 200`);
  });

  it('names every series that grew', () => {
    const verdict = backlogFlat({ [KAFKA_LAG_SERIES]: [20, 40], [OUTBOX_SERIES]: [0, 17] }, 8);
    expect(verdict.grew).toEqual([
      { series: KAFKA_LAG_SERIES, from: 20, to: 40 },
      { series: OUTBOX_SERIES, from: 0, to: 17 },
    ]);
  });

  it('cannot judge a series with fewer than two samples and calls it flat', () => {
    expect(backlogFlat({ [KAFKA_LAG_SERIES]: [500], [OUTBOX_SERIES]: [] }, 8).flat).toBe(true);
  });
});
