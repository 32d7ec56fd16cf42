import { LatencySummary, summarise } from './stats';

/** One completed call: when it started (ms since the phase began), how long it took, whether it worked. */
export interface CallSample {
  startedAt: number;
  latencyMs: number;
  ok: boolean;
}

/** What a load phase measured: throughput of successful calls, their latency and the errors. */
export interface PhaseResult {
  name: string;
  concurrency: number;
  durationS: number;
  /** Successful calls per second over the phase. */
  rate: number;
  latency: LatencySummary;
  errors: number;
  /** Successful calls per second, second by second (for the chart). */
  perSecond: number[];
  /** p50 latency (ms) of each second (for the chart). */
  latencyPerSecond: number[];
}

export function phaseResult(
  name: string,
  concurrency: number,
  durationMs: number,
  samples: readonly CallSample[],
): PhaseResult {
  const ok = samples.filter((sample) => sample.ok);
  const seconds = Math.max(1, Math.ceil(durationMs / 1000));
  const perSecond = Array.from({ length: seconds }, () => 0);
  const buckets: number[][] = Array.from({ length: seconds }, () => []);
  for (const sample of ok) {
    const second = Math.min(seconds - 1, Math.floor((sample.startedAt + sample.latencyMs) / 1000));
    perSecond[second] += 1;
    buckets[second].push(sample.latencyMs);
  }
  return {
    name,
    concurrency,
    durationS: durationMs / 1000,
    rate: ok.length / (durationMs / 1000),
    latency: summarise(ok.map((sample) => sample.latencyMs)),
    errors: samples.length - ok.length,
    perSecond,
    latencyPerSecond: buckets.map((bucket) => summarise(bucket).p50),
  };
}
