import { writeFileSync } from 'node:fs';
import { backtest } from './backtest';

/**
 * npm run telemetry:backtest [-- --devices 300 --days 240 --seed 7 --write docs/perf/telemetry-backtest.md]
 * Prints the figures; with --write, also writes them as the published page.
 */
function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
  };
  const devices = Number(arg('devices', '300'));
  const days = Number(arg('days', '240'));
  const seed = arg('seed', '7');
  const started = Date.now();
  const result = backtest({
    seed,
    days,
    end: new Date('2026-12-01T00:00:00Z'),
    devices: Array.from({ length: devices }, (_, index) => `BT${String(index).padStart(8, '0')}`),
    quirks: { silent: 0 },
  });
  const lines = [
    `Fleet: ${result.fleet.devices} simulated devices (seed ${seed}), ${days} days, ${result.fleet.start} → ${result.fleet.end}; computed in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    '',
    '| said … days before the true empty day | cartridges | with a forecast | median error (days) | median \\|error\\| | p90 \\|error\\| | p10 … p90 error | said > 3 days late |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...result.summaries.map(
      (s) =>
        `| ${s.leadDays} | ${s.cartridges} | ${s.forecasts} (${Math.round((100 * s.forecasts) / Math.max(1, s.cartridges))} %) | ${s.medianErrorDays} | ${s.medianAbsErrorDays} | ${s.p90AbsErrorDays} | ${s.p10ErrorDays} … ${s.p90ErrorDays} | ${s.lateByMoreThan3Days} |`,
    ),
  ];
  console.log(lines.join('\n'));
  const target = args.includes('--write')
    ? arg('write', 'docs/perf/telemetry-backtest.md')
    : undefined;
  if (target) writeFileSync(target, page(lines), 'utf8');
}

function page(lines: string[]): string {
  return [
    '# Telemetry forecast backtest',
    '',
    'How many days early or late the days-to-empty forecast (`libs/replenishment`, `forecastSupply`) said',
    '"empty", 14 and 7 days before each cartridge really ran empty, on the data collection agent',
    "simulator's fleet (`tools/telemetry-sim`). Each device's uploads (duplicates and out-of-order",
    'readings included) are replayed day by day through `applyReadings`; the forecast sees only the',
    "readings, never the simulator's truth. Error = predicted empty day − true empty day: positive is",
    'late (the risky side: the cartridge runs out before the forecast said), negative early.',
    'Cartridges that were swapped before running empty have no true empty day and are not counted;',
    '"with a forecast" excludes supplies that were learning or cannot be forecast at that moment',
    '(coarse-only, "some remaining", unknown levels, or a cartridge too new).',
    '',
    'Reproduce: `npm run telemetry:backtest` (add `-- --write docs/perf/telemetry-backtest.md` to',
    'rewrite this page).',
    '',
    '## Result',
    '',
    ...lines,
    '',
  ].join('\n');
}

main();
