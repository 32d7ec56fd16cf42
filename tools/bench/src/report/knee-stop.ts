import { PhaseResult } from '../load/phase-result';
import { round } from '../load/stats';
import { BacklogSeries } from '../pipeline/backlog-series';

/** A backlog may grow by up to this share of the step's offered orders before it counts as the knee. */
export const BACKLOG_GROWTH_SHARE = 0.5;

/**
 * Why an open-loop step is past the knee, or null when it is not: the API falls behind the
 * offered rate, fails, or gets slow — or the pipeline behind it does (a backlog grows by more
 * than half of the orders the step offered), which the API's answers alone do not show.
 */
export function kneeStopReason(
  step: Pick<PhaseResult, 'rate' | 'errors' | 'latency'>,
  offeredRate: number,
  stepS: number,
  backlog: BacklogSeries,
): string | null {
  const offered = offeredRate * stepS;
  const reasons: string[] = [];
  if (step.rate < 0.9 * offeredRate)
    reasons.push(`achieved ${round(step.rate)}/s < 90% of ${offeredRate}/s offered`);
  if (step.errors > 0.01 * offered)
    reasons.push(`${step.errors} errors > 1% of ${round(offered, 0)} offered`);
  if (step.latency.p99 > 2000) reasons.push(`p99 ${round(step.latency.p99, 0)} ms > 2000 ms`);
  for (const [name, values] of Object.entries(backlog)) {
    if (values.length < 2) continue;
    const growth = values[values.length - 1] - values[0];
    if (growth > BACKLOG_GROWTH_SHARE * offered)
      reasons.push(
        `${name} grew ${values[0]} → ${values[values.length - 1]} (+${growth} > ${BACKLOG_GROWTH_SHARE} × ${round(offered, 0)} offered)`,
      );
  }
  return reasons.length ? reasons.join('; ') : null;
}
