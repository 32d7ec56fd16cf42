import { summarise } from '../load/stats';
import { OUTBOX_SERIES } from '../pipeline/backlog-series';
import { checkTargets, TargetInputs } from './targets';

const passing: TargetInputs = {
  sustainedRate: 120,
  backlog: { flat: true, grew: [] },
  dbRate: 200,
  kafkaProduceRate: 220,
  halfPeak: { ...summarise([4, 5, 6]), p50: 5, p99: 9 },
  dbP50: 2,
  kafkaProduceP50: 2,
  kafkaToHandler: { ...summarise([1]), p50: 3, p99: 20 },
  gatewayRate: 950,
  httpRate: 1000,
  consumerJoinS: 1,
  maxServiceRssMb: 150,
};

describe('benchmark targets', () => {
  it('all hold for figures within the limits', () => {
    expect(checkTargets(passing).every((check) => check.met)).toBe(true);
  });

  it('throughput misses when below half of the slower baseline or when lag grows', () => {
    expect(checkTargets({ ...passing, sustainedRate: 99 })[0].met).toBe(false);
    const growing = checkTargets({
      ...passing,
      backlog: { flat: false, grew: [{ series: OUTBOX_SERIES, from: 10, to: 400 }] },
    })[0];
    expect(growing.met).toBe(false);
    expect(growing.measured).toBe(`120.0/s, not flat: ${OUTBOX_SERIES} 10 → 400`);
  });

  it('gateway overhead is measured against the no-op HTTP rate', () => {
    const overhead = checkTargets({ ...passing, gatewayRate: 850 }).find((c) =>
      c.target.startsWith('gateway'),
    );
    expect(overhead?.met).toBe(false);
    expect(overhead?.measured).toContain('15.0%');
  });
});
