import { Operation } from './closed-loop';
import { CallSample, PhaseResult, phaseResult } from './phase-result';

/**
 * Open loop: starts `ratePerS` calls per second for `durationMs`, whatever the answers'
 * latency (up to `maxInFlight`, beyond which a call counts as an error — the system is past
 * its knee). Latency then includes queueing, as a client arriving at that rate sees it.
 */
export async function runOpenLoop(
  name: string,
  ratePerS: number,
  durationMs: number,
  operation: Operation,
  maxInFlight = 512,
): Promise<PhaseResult> {
  const samples: CallSample[] = [];
  const pending: Promise<void>[] = [];
  const began = performance.now();
  const total = Math.round((ratePerS * durationMs) / 1000);
  let inFlight = 0;
  for (let i = 0; i < total; i++) {
    const due = began + (i * 1000) / ratePerS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const start = performance.now();
    if (inFlight >= maxInFlight) {
      samples.push({ startedAt: start - began, latencyMs: 0, ok: false });
      continue;
    }
    inFlight++;
    pending.push(
      operation(i % 64, i)
        .catch(() => false)
        .then((ok) => {
          inFlight--;
          samples.push({ startedAt: start - began, latencyMs: performance.now() - start, ok });
        }),
    );
  }
  await Promise.all(pending);
  return phaseResult(name, ratePerS, durationMs, samples);
}
