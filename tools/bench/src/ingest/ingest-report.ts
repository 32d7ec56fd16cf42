import { LatencySummary, round } from '../load/stats';
import { MachineInfo } from '../report/machine';
import { IngestSettings } from './ingest-settings';

/** One measured phase of the ingest bench. */
export interface IngestPhase {
  name: string;
  /** Offered readings/s. */
  offered: number;
  accepted: number;
  acceptedPerS: number;
  /** Latency of each HTTP upload (or Kafka send). */
  requestMs: LatencySummary;
  errors: number;
  /** Seconds both consumers took to catch up after the load; null: not within a minute. */
  drainS: number | null;
  /** FerretDB's commands (idle rate taken out) per accepted reading. */
  commandsPerReading: number;
  /** The services' own counted commands (idle rate taken out) per accepted reading. */
  serviceCommandsPerReading: number;
  /** CPU of every stack process per accepted reading, and by component. */
  cpuMsPerReading: number;
  cpuByComponent: Record<string, number>;
  sustained: boolean;
}

/** Issue 17's figures for the ingest path. */
export const TARGETS = {
  readingsPerS: 1000,
  commandsPerReading: 0.05,
  cpuMsPerReading: 1,
  forecastP99Ms: 2000,
};

export interface IngestRun {
  machine: MachineInfo;
  /** The machine's 1-minute load average when the run began (another stack or a test run shows here). */
  loadAtStart: number;
  ladder: IngestPhase[];
  /** The highest sustained accepted rate of the ladder (readings/s). */
  peak: number;
  half: IngestPhase;
  forecast: LatencySummary;
  forecastMissed: number;
  overKafka: IngestPhase;
  idle: { ferretdbPerS: number; servicesPerS: number };
  settings: IngestSettings;
}

/** The targets a run missed, one line each (empty: all met). */
export function missedTargets(run: IngestRun): string[] {
  const misses: string[] = [];
  if (run.peak < TARGETS.readingsPerS)
    misses.push(`sustained HTTP ingest ${round(run.peak)}/s < ${TARGETS.readingsPerS}/s`);
  if (!run.overKafka.sustained)
    misses.push(`Kafka ingest at ${run.overKafka.offered}/s not sustained`);
  const atTarget = run.ladder.find((phase) => phase.offered === TARGETS.readingsPerS) ?? run.half;
  for (const phase of [atTarget, run.overKafka]) {
    if (!(phase.commandsPerReading <= TARGETS.commandsPerReading))
      misses.push(
        `${phase.name}: ${round(phase.commandsPerReading, 4)} commands per reading > ${TARGETS.commandsPerReading}`,
      );
    if (!(phase.cpuMsPerReading <= TARGETS.cpuMsPerReading))
      misses.push(
        `${phase.name}: ${round(phase.cpuMsPerReading, 3)} ms CPU per reading > ${TARGETS.cpuMsPerReading}`,
      );
  }
  if (!(run.forecast.p99 <= TARGETS.forecastP99Ms) || run.forecastMissed > 0)
    misses.push(
      `reading → forecast p99 ${round(run.forecast.p99)} ms (${run.forecastMissed} missed) > ${TARGETS.forecastP99Ms} ms`,
    );
  return misses;
}

function phaseRow(phase: IngestPhase): string {
  const top = Object.entries(phase.cpuByComponent)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 4)
    .map(([component, ms]) => `${component} ${ms}`)
    .join(', ');
  return `| ${phase.name} | ${round(phase.acceptedPerS)} | ${round(phase.requestMs.p50)} / ${round(phase.requestMs.p99)} | ${phase.drainS === null ? '> 60' : round(phase.drainS, 1)} | ${round(phase.commandsPerReading, 4)} (${round(phase.serviceCommandsPerReading, 4)}) | ${round(phase.cpuMsPerReading, 3)} (${top}) | ${phase.sustained ? 'yes' : 'no'} |`;
}

/** The Markdown report (docs/perf/ingest.md), its JSON, and the targets missed. */
export function ingestReport(run: IngestRun): { markdown: string; json: object; misses: string[] } {
  const misses = missedTargets(run);
  const { settings } = run;
  const markdown = [
    '# Telemetry ingest benchmark',
    '',
    `Revision ${run.machine.revision} on ${run.machine.cpuModel} (${run.machine.cores} cores, ${run.machine.memoryGb} GB, load ${round(run.loadAtStart, 2)} at the start), ${new Date().toISOString().slice(0, 16)}Z — \`npm run bench:ingest\`.`,
    '',
    `Agents upload their devices' history in batches of ${settings.batch} readings over HTTP at each offered rate for ${settings.stepMs / 1000} s, then over Kafka in messages of ${settings.kafkaMessage} readings of one device. A phase is sustained when every reading is accepted at ≥ 95 % of the offered rate and both consumers (\`telemetry-ingest\`, \`telemetry-derive\`) catch up within ${settings.drainLimitS} s after it. Commands are FerretDB's own counters (the services' counters in brackets), the idle rate (${round(run.idle.ferretdbPerS, 2)}/s) taken out; CPU is every stack process's, per accepted reading, the derivation that follows included.`,
    '',
    '| phase | accepted/s | request p50 / p99 ms | drain s | commands per reading | CPU ms per reading (largest) | sustained |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...[...run.ladder, run.half, run.overKafka].map(phaseRow),
    '',
    `- Peak sustained over HTTP: **${round(run.peak)} readings/s** (target ≥ ${TARGETS.readingsPerS}).`,
    `- Reading accepted → the fleet page shows it (derived state and forecast updated), at half of the peak: p50 ${round(run.forecast.p50)} ms, **p99 ${round(run.forecast.p99)} ms** over ${run.forecast.count} probes, ${run.forecastMissed} not seen within 30 s (target p99 ≤ ${TARGETS.forecastP99Ms} ms).`,
    `- Targets missed: ${misses.length === 0 ? 'none' : misses.join('; ')}.`,
    '',
  ].join('\n');
  return { markdown, json: { ...run, targets: TARGETS, misses }, misses };
}
