import { round } from '../load/stats';

/**
 * The fulfilment simulator's pid file name (tools/fulfilment-simulator, started by the stack):
 * an outside system (the warehouse's stand-in), so its CPU is on its own line, not the stack's.
 */
export const SIMULATOR_COMPONENT = 'fulfilment-simulator';

/** CPU-seconds each component used in the main run, and per order. */
export interface CpuPerOrder {
  orders: number;
  /** CPU-seconds per component (all its processes; PostgreSQL with its backends), the simulator apart. */
  seconds: Record<string, number>;
  /** The stack's processes (services and infrastructure, not the simulator), ms per order. */
  stackMsPerOrder: number;
  /** The fulfilment simulator's process, ms per order (NaN when it does not run). */
  simulatorMsPerOrder: number;
  /** The bench itself (load generator, observer, samplers), ms per order. */
  loadGeneratorMsPerOrder: number;
}

export function cpuPerOrder(
  seconds: Record<string, number>,
  loadGeneratorSeconds: number,
  orders: number,
): CpuPerOrder {
  const { [SIMULATOR_COMPONENT]: simulator, ...stackSeconds } = seconds;
  const stack = Object.values(stackSeconds).reduce((sum, s) => sum + s, 0);
  return {
    orders,
    seconds: stackSeconds,
    stackMsPerOrder: orders > 0 ? (stack * 1000) / orders : NaN,
    simulatorMsPerOrder: orders > 0 && simulator !== undefined ? (simulator * 1000) / orders : NaN,
    loadGeneratorMsPerOrder: orders > 0 ? (loadGeneratorSeconds * 1000) / orders : NaN,
  };
}

/** CPU per order by component, the stack's total, and the load generator apart. */
export function cpuSection(cpu: CpuPerOrder): string {
  const ms = (s: number) => (cpu.orders > 0 ? round((s * 1000) / cpu.orders, 1) : NaN);
  const rows = Object.entries(cpu.seconds).sort(([, a], [, b]) => b - a);
  return [
    '| process (all its replicas) | CPU-s in the main run | ms per order |',
    '|---|---|---|',
    ...rows.map(([name, s]) => `| ${name} | ${round(s, 2)} | ${ms(s)} |`),
    `| **all the stack** | ${round(
      Object.values(cpu.seconds).reduce((a, b) => a + b, 0),
      2,
    )} | **${round(cpu.stackMsPerOrder, 1)}** |`,
    `| fulfilment simulator (outside the stack's total) | | ${round(cpu.simulatorMsPerOrder, 1)} |`,
    `| load generator (the bench) | | ${round(cpu.loadGeneratorMsPerOrder, 1)} |`,
    '',
    `CPU-seconds (user + system, /proc) of each process during the main run ÷ the ${cpu.orders} orders accepted in it.`,
  ].join('\n');
}
