import type { BenchResult } from '../report/write-report';
import { comparePortEnv } from './compare-ports';
import { commandsOf, compareRuns, comparisonTable } from './comparison';

const latency = (p50: number, p99: number) => ({
  count: 1,
  p50,
  p95: p99,
  p99,
  max: p99,
  mean: p50,
});

const run = (
  revision: string,
  rate: number,
  commands: { own?: number; ferretdb: number },
  cpuMs: number,
) =>
  ({
    machine: { revision },
    baselines: { db: { rate: 400 } },
    main: { rate },
    halfPeak: { latency: latency(100, 300) },
    eventLatencyHalfPeak: { 'stored → email handed to SMTP': latency(1000, 4000) },
    databaseCommands: { total: commands.ferretdb },
    accounting:
      commands.own === undefined
        ? { rows: [], missing: ['ordering'], endToEnd: 0 }
        : { rows: [{}], missing: [], endToEnd: commands.own },
    cpu: { stackMsPerOrder: cpuMs },
    idle: { servicesPerSecond: commands.own === undefined ? null : 1, ferretdbPerSecond: 50 },
    processes: [{ name: 'ordering', component: 'ordering', rssMaxMb: 150 }],
  }) as unknown as BenchResult;

describe('the comparison with an older revision', () => {
  const older = run('29d291e', 20, { ferretdb: 22 }, 90);
  const current = run('abc1234', 65, { own: 7, ferretdb: 8 }, 25);

  it('falls back to FerretDB`s totals for a revision without per-service counters, and says so', () => {
    expect(commandsOf(older)).toEqual({
      value: 22,
      source: expect.stringContaining("FerretDB's totals"),
    });
    expect(commandsOf(current)).toEqual({
      value: 7,
      source: expect.stringContaining("services' counters"),
    });
    const commands = compareRuns(older, current).find(
      (f) => f.figure === 'database commands per order',
    )!;
    expect(commands).toMatchObject({
      older: 22,
      current: 7,
      note: expect.stringContaining('older: FerretDB'),
    });
  });

  it('gives the rate, commands and CPU ratios current ÷ older', () => {
    const figures = Object.fromEntries(compareRuns(older, current).map((f) => [f.figure, f.ratio]));
    expect(figures['orders/s (main run)']).toBe(3.25);
    expect(figures["database commands per order, FerretDB's totals (both)"]).toBeCloseTo(8 / 22);
    expect(figures['CPU per order, all the stack (ms)']).toBeCloseTo(25 / 90);
    expect(figures['idle database commands/s']).toBe(1 / 50);
    const table = comparisonTable(older, current);
    expect(table).toContain(
      '| figure | 29d291e (older) | abc1234 (current) | ratio current ÷ older | note |',
    );
    expect(table).toContain('| orders/s (main run) | 20 | 65 | 3.25× |');
  });

  it('puts the older stack on a port block of its own', () => {
    const env = {
      KAFKA_PORT: '9892',
      MONGO_PORT: '27057',
      GATEWAY_PORT: '3400',
      OPERATIONS_PORT: '3405',
    };
    expect(comparePortEnv(env)).toMatchObject({
      KAFKA_PORT: '9992',
      KAFKA_CONTROLLER_PORT: '9993',
      MONGO_PORT: '27062',
      GATEWAY_PORT: '3450',
      OPERATIONS_PORT: '3455',
      ORDERING_PORT: '3053',
    });
  });
});
