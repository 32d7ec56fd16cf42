import { BacklogSeries } from '../pipeline/backlog-series';

/** A backlog series that grew across a window. */
export interface SeriesGrowth {
  series: string;
  from: number;
  to: number;
}

export interface FlatVerdict {
  flat: boolean;
  grew: SeriesGrowth[];
}

/**
 * The backlogs are flat when none ends clearly above where it started: the last sample may be
 * up to `first + concurrency` (what is in flight) or `2 × concurrency`, whichever is larger —
 * a few orders on their way are not a growing backlog.
 */
export function backlogFlat(series: BacklogSeries, concurrency: number): FlatVerdict {
  const grew: SeriesGrowth[] = [];
  for (const [name, values] of Object.entries(series)) {
    if (values.length < 2) continue;
    const from = values[0];
    const to = values[values.length - 1];
    if (to > Math.max(2 * concurrency, from + concurrency)) grew.push({ series: name, from, to });
  }
  return { flat: grew.length === 0, grew };
}

/** "ordering outbox pending 12 → 480, Kafka lag on ordering.order.v1 3 → 90" */
export function describeGrowth(grew: readonly SeriesGrowth[]): string {
  return grew.map((g) => `${g.series} ${g.from} → ${g.to}`).join(', ');
}
