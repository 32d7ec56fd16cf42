import { BacklogPoint } from './backlog-sampler';
import { backlogSeries, KAFKA_LAG_SERIES, OUTBOX_SERIES } from './backlog-series';

const point = (atS: number, notifications: number, outboxPending: number): BacklogPoint => ({
  atS,
  lag: {
    'notifications ordering.order.v1': notifications,
    'operations ordering.order.v1': 1,
    'notifications notifications.email.v1': 500,
  },
  outboxPending,
  outboxOldestAgeS: 0,
});

describe('backlog series of a window', () => {
  const points = [point(1, 0, 0), point(3, 2, 5), point(5, 10, 40), point(7, 30, 90)];

  it('starts from the last sample at or before the window and sums the order topic`s lag', () => {
    expect(backlogSeries(points, 4, 7)).toEqual({
      [KAFKA_LAG_SERIES]: [3, 11, 31],
      [OUTBOX_SERIES]: [5, 40, 90],
    });
  });

  it('takes only samples inside the window when none came before it', () => {
    expect(backlogSeries(points, 0, 3)[OUTBOX_SERIES]).toEqual([0, 5]);
    expect(backlogSeries([], 0, 3)[OUTBOX_SERIES]).toEqual([]);
  });
});
