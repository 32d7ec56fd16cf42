import { LatencySummary } from '../load/stats';
import { describeGrowth, FlatVerdict } from './lag-flat';

/** One target of issue 16, checked against figures of the same run. */
export interface TargetCheck {
  target: string;
  measured: string;
  limit: string;
  met: boolean;
}

export interface TargetInputs {
  /** Database commands per order end to end, the fulfilment simulator's share left out. */
  commandsPerOrder: number;
  /** Of which on the request path before the 201. */
  commandsBeforeResponse: number;
  /** CPU-seconds of all the stack's processes during the main run ÷ orders, in ms. */
  cpuMsPerOrder: number;
  sustainedRate: number;
  /** Kafka lag of ordering.order.v1 and the ordering outbox backlog across the main run. */
  backlog: FlatVerdict;
  dbRate: number;
  dbP50: number;
  /** The older revision's sustained rate from the same sitting (`--compare`), when run. */
  compareRate?: { revision: string; rate: number };
  halfPeak: LatencySummary;
  kafkaToHandler: LatencySummary;
  storedToSmtp: LatencySummary;
  /** Database commands per second on the idle stack. */
  idleCommandsPerSecond: number;
  maxServiceRssMb: number;
}

const f = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

/** The targets of issue 16 ("the cost of an order"), each with what was measured and whether it held. */
export function checkTargets(i: TargetInputs): TargetCheck[] {
  const floor = 0.05 * i.dbRate;
  const rateVsOld = i.compareRate ? i.sustainedRate / i.compareRate.rate : NaN;
  return [
    {
      target: 'database commands per order, end to end (fulfilment simulator on its own line)',
      measured: f(i.commandsPerOrder, 2),
      limit: '≤ 8',
      met: i.commandsPerOrder <= 8,
    },
    {
      target: 'of which on the request path before the 201',
      measured: f(i.commandsBeforeResponse, 2),
      limit: '≤ 3',
      met: i.commandsBeforeResponse <= 3,
    },
    {
      target: 'CPU per order, all processes (load generator apart)',
      measured: `${f(i.cpuMsPerOrder)} ms`,
      limit: '≤ 30 ms',
      met: i.cpuMsPerOrder <= 30,
    },
    {
      target: 'sustained orders/s with lag and backlog flat',
      measured: `${f(i.sustainedRate)}/s = ${f(i.sustainedRate / i.dbRate, 3)} × B_db, ${i.backlog.flat ? 'flat' : `not flat: ${describeGrowth(i.backlog.grew)}`}`,
      limit: `≥ 0.05 × B_db = ${f(floor)}/s, flat`,
      met: i.sustainedRate >= floor && i.backlog.flat,
    },
    {
      target: `sustained orders/s ≥ 3 × revision ${i.compareRate?.revision ?? '29d291e'} on the same machine beside it`,
      measured: i.compareRate
        ? `${f(rateVsOld, 2)} × (${f(i.sustainedRate)}/s vs ${f(i.compareRate.rate)}/s)`
        : 'not run (npm run bench -- --compare 29d291e)',
      limit: '≥ 3 ×',
      met: rateVsOld >= 3,
    },
    {
      target: 'placement p50 at half of peak',
      measured: `${f(i.halfPeak.p50)} ms`,
      limit: `≤ 4 × B_db p50 = ${f(4 * i.dbP50)} ms`,
      met: i.halfPeak.p50 <= 4 * i.dbP50,
    },
    {
      target: 'Kafka → notifications handler p99 at half of peak',
      measured: `${f(i.kafkaToHandler.p99)} ms`,
      limit: '≤ 100 ms',
      met: i.kafkaToHandler.p99 <= 100,
    },
    {
      target: 'stored → email handed to SMTP p99 at half of peak',
      measured: `${f(i.storedToSmtp.p99 / 1000, 2)} s`,
      limit: '≤ 2 s',
      met: i.storedToSmtp.p99 <= 2000,
    },
    {
      target: 'database commands per second on an idle stack',
      measured: `${f(i.idleCommandsPerSecond, 2)}/s`,
      limit: '≤ 2/s',
      met: i.idleCommandsPerSecond <= 2,
    },
    {
      target: 'RSS of each service under load',
      measured: `${f(i.maxServiceRssMb, 0)} MB (largest)`,
      limit: '≤ 200 MB',
      met: i.maxServiceRssMb <= 200,
    },
  ];
}
