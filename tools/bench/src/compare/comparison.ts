import { round } from '../load/stats';
import type { BenchResult } from '../report/write-report';

/** One figure of the two runs side by side. */
export interface ComparedFigure {
  figure: string;
  older: number;
  current: number;
  /** current ÷ older: > 1 is more of it (more orders/s, or more commands). */
  ratio: number;
  /** How the older figure was measured when not the same way as the current one. */
  note?: string;
}

const rss = (r: BenchResult) =>
  Math.max(
    ...r.processes
      .filter((p) => p.component !== undefined && isApp(p.component))
      .map((p) => p.rssMaxMb),
  );
const isApp = (name: string) =>
  ['gateway', 'identity', 'registry', 'ordering', 'notifications', 'operations'].includes(name);

/**
 * Commands per order of a run: the services' own counters when it had them (end to end without
 * the simulator), else FerretDB's totals (an older revision has no per-service counters).
 */
export function commandsOf(r: BenchResult): { value: number; source: string } {
  const a = r.accounting;
  if (a && a.rows.length > 0 && a.missing.length === 0)
    return { value: a.endToEnd, source: "services' counters, simulator apart" };
  return {
    value: r.databaseCommands.total ?? NaN,
    source: "FerretDB's totals (no per-service counters), simulator and bench samplers included",
  };
}

export function compareRuns(older: BenchResult, current: BenchResult): ComparedFigure[] {
  const figure = (name: string, o: number, c: number, note?: string): ComparedFigure => ({
    figure: name,
    older: o,
    current: c,
    ratio: c / o,
    ...(note ? { note } : {}),
  });
  const oldCommands = commandsOf(older);
  const newCommands = commandsOf(current);
  const ferretdb = (r: BenchResult) => r.databaseCommands.total ?? NaN;
  return [
    figure('B_db (raw insertOne /s)', older.baselines.db.rate, current.baselines.db.rate),
    figure('orders/s (main run)', older.main.rate, current.main.rate),
    figure(
      'orders/s ÷ B_db',
      older.main.rate / older.baselines.db.rate,
      current.main.rate / current.baselines.db.rate,
    ),
    figure(
      'database commands per order',
      oldCommands.value,
      newCommands.value,
      oldCommands.source === newCommands.source ? undefined : `older: ${oldCommands.source}`,
    ),
    figure(
      "database commands per order, FerretDB's totals (both)",
      ferretdb(older),
      ferretdb(current),
    ),
    figure(
      'CPU per order, all the stack (ms)',
      older.cpu.stackMsPerOrder,
      current.cpu.stackMsPerOrder,
    ),
    figure(
      'placement p50 at half of peak (ms)',
      older.halfPeak.latency.p50,
      current.halfPeak.latency.p50,
    ),
    figure(
      'stored → email handed to SMTP p99 at half of peak (ms)',
      older.eventLatencyHalfPeak['stored → email handed to SMTP'].p99,
      current.eventLatencyHalfPeak['stored → email handed to SMTP'].p99,
    ),
    figure(
      'idle database commands/s',
      older.idle.servicesPerSecond ?? older.idle.ferretdbPerSecond,
      current.idle.servicesPerSecond ?? current.idle.ferretdbPerSecond,
      older.idle.servicesPerSecond === null ? "older: FerretDB's totals" : undefined,
    ),
    figure('largest service RSS (MB)', rss(older), rss(current)),
  ];
}

const cell = (value: number) =>
  Number.isFinite(value) ? `${round(value, value < 10 ? 3 : 1)}` : 'n/a';

export function comparisonTable(older: BenchResult, current: BenchResult): string {
  const rows = compareRuns(older, current);
  return [
    `| figure | ${older.machine.revision} (older) | ${current.machine.revision} (current) | ratio current ÷ older | note |`,
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.figure} | ${cell(r.older)} | ${cell(r.current)} | ${Number.isFinite(r.ratio) ? `${round(r.ratio, 2)}×` : 'n/a'} | ${r.note ?? ''} |`,
    ),
    '',
    `Same machine, same sitting: the older revision's stack was benched first on its own port block, stopped, then the current tree's. Both runs are measured by the current bench.`,
  ].join('\n');
}
