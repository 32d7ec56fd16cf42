import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PhaseResult } from '../load/phase-result';
import { LatencySummary, round } from '../load/stats';
import { BacklogPoint } from '../pipeline/backlog-sampler';
import { DatabaseCommandsPerOrder } from '../pipeline/database-commands';
import { ProcessFigures } from '../pipeline/process-sampler';
import { accountingSection, OrderAccounting } from '../accounting/order-accounting';
import { CpuPerOrder, cpuSection } from './cpu-per-order';
import { databaseCommandsSection } from './database-commands-table';
import { MachineInfo } from './machine';
import { renderChart } from './svg-chart';
import { TargetCheck } from './targets';

/** Everything one run measured; written as docs/perf/results.json. */
export interface BenchResult {
  machine: MachineInfo;
  /** What was benched when not this tree (`--compare`: the older revision's stack). */
  label?: string;
  startedAt: string;
  settings: Record<string, unknown>;
  baselines: {
    db: PhaseResult;
    kafkaProduce: PhaseResult;
    kafkaConsume: { rate: number; messages: number };
    http: PhaseResult;
  };
  gatewayValidation: PhaseResult;
  main: PhaseResult & { startS: number };
  steps: (PhaseResult & { startS: number })[];
  /** The first open-loop step past the knee and why it is past it. */
  knee: { offeredRate: number; achievedRate: number; reason: string } | null;
  halfPeak: PhaseResult;
  /** Event latencies of the main run's orders, and of the half-of-peak phase's (the targets). */
  eventLatency: Record<string, LatencySummary>;
  eventLatencyHalfPeak: Record<string, LatencySummary>;
  /** FerretDB's totals over the main run: the cross-check of the accounting. */
  databaseCommands: DatabaseCommandsPerOrder;
  /** Each command of the order's path from the services' own counters. */
  accounting: OrderAccounting;
  idle: {
    durationS: number;
    servicesPerSecond: number | null;
    ferretdbPerSecond: number;
    ferretdbByCommand: Record<string, number> | null;
  };
  cpu: CpuPerOrder;
  backlog: BacklogPoint[];
  processes: ProcessFigures[];
  consumerJoinS: number;
  targets: TargetCheck[];
}

const ms = (value: number) => (Number.isFinite(value) ? `${round(value, 1)}` : 'n/a');
const ratio = (value: number, base: number) =>
  Number.isFinite(value / base) && base > 0 ? `${round(value / base, 2)}×` : 'n/a';

/** The figures as a plain-text/Markdown table with ratios to the same run's baselines. */
export function figureTable(result: BenchResult): string {
  const { baselines: b } = result;
  const row = (name: string, phase: PhaseResult, ratioText: string) => [
    name,
    ms(phase.rate),
    ms(phase.latency.p50),
    ms(phase.latency.p95),
    ms(phase.latency.p99),
    `${phase.errors}`,
    ratioText,
  ];
  const rows: string[][] = [
    ['figure', 'rate /s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'ratio'],
    row('B_db insertOne', b.db, '1×'),
    row('B_kp send acks=-1', b.kafkaProduce, '1×'),
    ['B_kc no-op consumer', ms(b.kafkaConsume.rate), '', '', '', '0', '1×'],
    row('B_http no-op POST', b.http, '1×'),
    row(
      'gateway + auth + validation (400)',
      result.gatewayValidation,
      `${ratio(result.gatewayValidation.rate, b.http.rate)} of B_http`,
    ),
    row(
      'orders placed (main run)',
      result.main,
      `${ratio(result.main.rate, Math.min(b.db.rate, b.kafkaProduce.rate))} of min(B_db, B_kp)`,
    ),
    row(
      'orders at half of peak (open loop)',
      result.halfPeak,
      `p50 ${ratio(result.halfPeak.latency.p50, b.db.latency.p50 + b.kafkaProduce.latency.p50)} of B_db+B_kp p50`,
    ),
  ];
  for (const step of result.steps) {
    rows.push([
      `open loop ${step.concurrency}/s offered`,
      ms(step.rate),
      ms(step.latency.p50),
      ms(step.latency.p95),
      ms(step.latency.p99),
      `${step.errors}`,
      ratio(step.rate, step.concurrency) + ' of offered',
    ]);
  }
  for (const [name, summary] of Object.entries(result.eventLatencyHalfPeak ?? {})) {
    rows.push([
      `event ${name} (half of peak)`,
      '',
      ms(summary.p50),
      ms(summary.p95),
      ms(summary.p99),
      '',
      `n=${summary.count}`,
    ]);
  }
  for (const [name, summary] of Object.entries(result.eventLatency)) {
    rows.push([
      `event ${name} (main run)`,
      '',
      ms(summary.p50),
      ms(summary.p95),
      ms(summary.p99),
      '',
      `n=${summary.count}`,
    ]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [
    line(rows[0]),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

export function targetTable(targets: readonly TargetCheck[]): string {
  return [
    '| target | measured | limit | held |',
    '|---|---|---|---|',
    ...targets.map(
      (t) => `| ${t.target} | ${t.measured} | ${t.limit} | ${t.met ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
}

export function processTable(processes: readonly ProcessFigures[]): string {
  return [
    '| process | CPU mean % | CPU max % | RSS max MB |',
    '|---|---|---|---|',
    ...[...processes]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(
        (p) =>
          `| ${p.name} | ${round(p.cpuMeanPct)} | ${round(p.cpuMaxPct)} | ${round(p.rssMaxMb)} |`,
      ),
  ].join('\n');
}

/** The chart: order throughput, placement latency, and backlogs over the run's time. */
export function chartOf(result: BenchResult): string {
  const phases = [result.main, ...result.steps];
  const perSecond = (pick: (phase: PhaseResult, second: number) => number) =>
    phases.flatMap((phase) =>
      phase.perSecond.map((_, second) => ({
        x: phase.startS + second + 1,
        y: pick(phase, second),
      })),
    );
  const lagSeries = new Map<string, { x: number; y: number }[]>();
  for (const point of result.backlog) {
    for (const [group, lag] of Object.entries(point.lag)) {
      if (!group.includes('ordering.order.v1')) continue;
      const list = lagSeries.get(group) ?? [];
      list.push({ x: point.atS, y: lag });
      lagSeries.set(group, list);
    }
  }
  const colours = ['#c0392b', '#8e44ad', '#16a085', '#d35400', '#2c3e50'];
  return renderChart(
    `Metered Supplies order pipeline — ${result.machine.revision}, ${result.machine.cores} cores, ${result.startedAt.slice(0, 16)}`,
    [
      {
        title: 'Orders accepted per second (main run, then rising offered rates)',
        unit: '/s',
        series: [
          {
            name: 'accepted orders/s',
            colour: '#2471a3',
            points: perSecond((p, s) => p.perSecond[s]),
          },
        ],
      },
      {
        title: 'Placement latency p50 per second',
        unit: 'ms',
        series: [
          {
            name: 'p50 latency',
            colour: '#b9770e',
            points: perSecond((p, s) => p.latencyPerSecond[s]),
          },
        ],
      },
      {
        title: 'Consumer lag on ordering.order.v1 and outbox backlog',
        unit: 'msgs',
        series: [
          ...[...lagSeries.entries()].map(([group, points], i) => ({
            name: group.split(' ')[0],
            colour: colours[i % colours.length],
            points,
          })),
          {
            name: 'outbox pending orders',
            colour: '#7f8c8d',
            points: result.backlog.map((p) => ({ x: p.atS, y: p.outboxPending })),
          },
        ],
      },
    ],
  );
}

export function writeReport(outDir: string, result: BenchResult): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(outDir, 'chart.svg'), chartOf(result));
  const m = result.machine;
  writeFileSync(
    join(outDir, 'latest.md'),
    [
      `# Benchmark run ${result.startedAt} — revision ${m.revision}${result.label ? ` (${result.label})` : ''}`,
      '',
      `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node ${m.node}; the whole stack (Kafka, FerretDB on PostgreSQL, Mailpit, six services) and the load generator on it.`,
      `Settings: ${JSON.stringify(result.settings)}`,
      '',
      '## Figures and ratios (same run)',
      '',
      figureTable(result),
      '',
      '## Targets',
      '',
      targetTable(result.targets),
      '',
      '## Database commands per order (main run), step by step',
      '',
      accountingSection(result.accounting),
      '',
      `Idle stack (${round(result.idle.durationS)} s before any load): ${round(result.idle.servicesPerSecond ?? NaN, 2)} commands/s by the services' counters, ${round(result.idle.ferretdbPerSecond, 2)}/s by FerretDB's.`,
      '',
      "### Cross-check: FerretDB's totals (main run)",
      '',
      databaseCommandsSection(result.databaseCommands),
      '',
      '## CPU per order (main run)',
      '',
      cpuSection(result.cpu),
      '',
      '## Processes under load',
      '',
      processTable(result.processes),
      '',
      '![throughput, latency and backlog over time](chart.svg)',
      '',
    ].join('\n'),
  );
}
