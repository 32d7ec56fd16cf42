import { CallSample, PhaseResult, phaseResult } from './phase-result';

/** One call of the measured operation by worker `worker`; resolves true when it succeeded. */
export type Operation = (worker: number, sequence: number) => Promise<boolean>;

/**
 * Closed loop: `concurrency` workers call `operation` back to back for `durationMs`. The rate
 * is what the system sustains at that concurrency; used for baselines and the main run alike,
 * so their figures compare.
 */
export async function runClosedLoop(
  name: string,
  concurrency: number,
  durationMs: number,
  operation: Operation,
): Promise<PhaseResult & { samples: CallSample[] }> {
  const samples: CallSample[] = [];
  const began = performance.now();
  const deadline = began + durationMs;
  let sequence = 0;
  const worker = async (id: number) => {
    while (performance.now() < deadline) {
      const start = performance.now();
      let ok = false;
      try {
        ok = await operation(id, sequence++);
      } catch {
        ok = false;
      }
      samples.push({ startedAt: start - began, latencyMs: performance.now() - start, ok });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, id) => worker(id)));
  const elapsed = performance.now() - began;
  return { ...phaseResult(name, concurrency, elapsed, samples), samples };
}
