import { summarise } from '../load/stats';
import { OUTBOX_SERIES } from '../pipeline/backlog-series';
import { checkTargets, TargetInputs } from './targets';

const passing: TargetInputs = {
  commandsPerOrder: 7.5,
  commandsBeforeResponse: 3,
  cpuMsPerOrder: 25,
  sustainedRate: 60,
  backlog: { flat: true, grew: [] },
  dbRate: 1000,
  dbP50: 3,
  compareRate: { revision: '29d291e', rate: 20 },
  halfPeak: { ...summarise([10]), p50: 12, p99: 30 },
  kafkaToHandler: { ...summarise([1]), p50: 20, p99: 90 },
  storedToSmtp: { ...summarise([1]), p50: 500, p99: 1900 },
  idleCommandsPerSecond: 1.5,
  maxServiceRssMb: 150,
};

const byTarget = (inputs: TargetInputs, start: string) =>
  checkTargets(inputs).find((check) => check.target.startsWith(start))!;

describe('the targets of issue 16', () => {
  it('are the ten rows of the issue, all held for figures within the limits', () => {
    const checks = checkTargets(passing);
    expect(checks).toHaveLength(10);
    expect(checks.every((check) => check.met)).toBe(true);
  });

  it('rate: at least 0.05 × B_db with flat backlogs, and 3 × the older revision', () => {
    expect(byTarget({ ...passing, sustainedRate: 49 }, 'sustained orders/s with').met).toBe(false);
    const growing = byTarget(
      {
        ...passing,
        backlog: { flat: false, grew: [{ series: OUTBOX_SERIES, from: 10, to: 400 }] },
      },
      'sustained orders/s with',
    );
    expect(growing.met).toBe(false);
    expect(growing.measured).toContain(`not flat: ${OUTBOX_SERIES} 10 → 400`);
    const older = byTarget({ ...passing, sustainedRate: 59 }, 'sustained orders/s ≥ 3');
    expect(older).toMatchObject({ met: false, measured: expect.stringContaining('2.95 ×') });
    const notRun = byTarget({ ...passing, compareRate: undefined }, 'sustained orders/s ≥ 3');
    expect(notRun).toMatchObject({ met: false, measured: expect.stringContaining('not run') });
  });

  it('placement p50 is measured against 4 × B_db p50, emails in seconds, idle per second', () => {
    expect(
      byTarget({ ...passing, halfPeak: { ...passing.halfPeak, p50: 13 } }, 'placement').met,
    ).toBe(false);
    const email = byTarget(
      { ...passing, storedToSmtp: { ...passing.storedToSmtp, p99: 2500 } },
      'stored',
    );
    expect(email).toMatchObject({ met: false, measured: '2.50 s', limit: '≤ 2 s' });
    expect(
      byTarget({ ...passing, idleCommandsPerSecond: 2.1 }, 'database commands per second').met,
    ).toBe(false);
    expect(byTarget({ ...passing, commandsBeforeResponse: 3.2 }, 'of which').met).toBe(false);
    expect(byTarget({ ...passing, cpuMsPerOrder: 31 }, 'CPU').met).toBe(false);
  });
});
