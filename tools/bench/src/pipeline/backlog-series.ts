import { BacklogPoint } from './backlog-sampler';

/** The backlog series the run is judged by, each a list of samples in time order. */
export type BacklogSeries = Record<string, number[]>;

export const KAFKA_LAG_SERIES = 'Kafka lag on ordering.order.v1';
export const OUTBOX_SERIES = 'ordering outbox pending';

/**
 * The Kafka lag of ordering.order.v1 (all the platform's consumer groups together) and the
 * ordering outbox backlog over a window: the last sample at or before `fromS` is the starting
 * value (the backlog the window inherited), then every sample up to `toS`.
 */
export function backlogSeries(
  points: readonly BacklogPoint[],
  fromS: number,
  toS: number,
): BacklogSeries {
  const before = points.filter((p) => p.atS <= fromS).at(-1);
  const window = [
    ...(before ? [before] : []),
    ...points.filter((p) => p.atS > fromS && p.atS <= toS),
  ];
  return {
    [KAFKA_LAG_SERIES]: window.map((p) =>
      Object.entries(p.lag)
        .filter(([key]) => key.includes('ordering.order.v1'))
        .reduce((sum, [, lag]) => sum + lag, 0),
    ),
    [OUTBOX_SERIES]: window.map((p) => p.outboxPending),
  };
}
