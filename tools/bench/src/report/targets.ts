import { LatencySummary } from '../load/stats';
import { describeGrowth, FlatVerdict } from './lag-flat';

/** One target of issue 8, checked against figures of the same run. */
export interface TargetCheck {
  target: string;
  measured: string;
  limit: string;
  met: boolean;
}

export interface TargetInputs {
  sustainedRate: number;
  /** Kafka lag of ordering.order.v1 and the ordering outbox backlog across the main run. */
  backlog: FlatVerdict;
  dbRate: number;
  kafkaProduceRate: number;
  halfPeak: LatencySummary;
  dbP50: number;
  kafkaProduceP50: number;
  kafkaToHandler: LatencySummary;
  gatewayRate: number;
  httpRate: number;
  consumerJoinS: number;
  maxServiceRssMb: number;
}

const f = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

/** The targets of issue 8, each with what was measured and whether it held. */
export function checkTargets(i: TargetInputs): TargetCheck[] {
  const floor = 0.5 * Math.min(i.dbRate, i.kafkaProduceRate);
  const p50Limit = i.dbP50 + i.kafkaProduceP50 + 2;
  const overhead = 1 - i.gatewayRate / i.httpRate;
  return [
    {
      target: 'sustained orders/s ≥ 0.5 × min(B_db, B_kp), Kafka lag and outbox backlog flat',
      measured: `${f(i.sustainedRate)}/s, ${i.backlog.flat ? 'backlog flat' : `not flat: ${describeGrowth(i.backlog.grew)}`}`,
      limit: `≥ ${f(floor)}/s, flat`,
      met: i.sustainedRate >= floor && i.backlog.flat,
    },
    {
      target: 'placement p50 at half of peak ≤ p50(B_db) + p50(B_kp) + 2 ms',
      measured: `${f(i.halfPeak.p50)} ms`,
      limit: `≤ ${f(p50Limit)} ms`,
      met: i.halfPeak.p50 <= p50Limit,
    },
    {
      target: 'placement p99 at half of peak ≤ 3 × p50',
      measured: `${f(i.halfPeak.p99)} ms`,
      limit: `≤ ${f(3 * i.halfPeak.p50)} ms`,
      met: i.halfPeak.p99 <= 3 * i.halfPeak.p50,
    },
    {
      target: 'event latency Kafka → handler p50 ≤ 10 ms',
      measured: `${f(i.kafkaToHandler.p50)} ms`,
      limit: '≤ 10 ms',
      met: i.kafkaToHandler.p50 <= 10,
    },
    {
      target: 'event latency Kafka → handler p99 ≤ 50 ms',
      measured: `${f(i.kafkaToHandler.p99)} ms`,
      limit: '≤ 50 ms',
      met: i.kafkaToHandler.p99 <= 50,
    },
    {
      target: 'gateway + validation overhead ≤ 10% of B_http rate',
      measured: `${f(overhead * 100)}% (${f(i.gatewayRate)}/s vs ${f(i.httpRate)}/s)`,
      limit: '≤ 10%',
      met: overhead <= 0.1,
    },
    {
      target: 'a new consumer joins within 5 s',
      measured: `${f(i.consumerJoinS, 2)} s`,
      limit: '≤ 5 s',
      met: i.consumerJoinS <= 5,
    },
    {
      target: 'each Node service ≤ 200 MB RSS under load',
      measured: `${f(i.maxServiceRssMb, 0)} MB (largest)`,
      limit: '≤ 200 MB',
      met: i.maxServiceRssMb <= 200,
    },
  ];
}
