import { summarise } from '../load/stats';
import { KAFKA_LAG_SERIES, OUTBOX_SERIES } from '../pipeline/backlog-series';
import { kneeStopReason } from './knee-stop';

const healthy = { rate: 40, errors: 0, latency: { ...summarise([20]), p99: 120 } };
const flat = { [KAFKA_LAG_SERIES]: [3, 5, 4], [OUTBOX_SERIES]: [0, 12, 10] };

describe('the knee search stops', () => {
  it('not while the API keeps up and the backlogs stay small', () => {
    expect(kneeStopReason(healthy, 40, 10, flat)).toBeNull();
  });

  it('when the API falls behind, fails or gets slow, saying which', () => {
    expect(kneeStopReason({ ...healthy, rate: 30 }, 40, 10, flat)).toBe(
      'achieved 30/s < 90% of 40/s offered',
    );
    expect(kneeStopReason({ ...healthy, errors: 5 }, 40, 10, flat)).toBe(
      '5 errors > 1% of 400 offered',
    );
    expect(
      kneeStopReason({ ...healthy, latency: { ...healthy.latency, p99: 2500 } }, 40, 10, flat),
    ).toBe('p99 2500 ms > 2000 ms');
  });

  it('when the outbox backlog grows by more than half of the offered orders', () => {
    const reason = kneeStopReason(healthy, 40, 10, { ...flat, [OUTBOX_SERIES]: [10, 120, 211] });
    expect(reason).toBe(`${OUTBOX_SERIES} grew 10 → 211 (+201 > 0.5 × 400 offered)`);
  });

  it('when the Kafka lag grows by more than half of the offered orders', () => {
    const reason = kneeStopReason(healthy, 40, 10, { ...flat, [KAFKA_LAG_SERIES]: [0, 250] });
    expect(reason).toContain(`${KAFKA_LAG_SERIES} grew 0 → 250`);
  });

  it('not for growth of exactly half of the offered orders', () => {
    expect(kneeStopReason(healthy, 40, 10, { ...flat, [OUTBOX_SERIES]: [0, 200] })).toBeNull();
  });
});
