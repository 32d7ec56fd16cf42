import { round } from '../load/stats';

/** CPU-seconds each component used in the main run, and per order. */
export interface CpuPerOrder {
  orders: number;
  /** CPU-seconds per component (all its processes; PostgreSQL with its backends). */
  seconds: Record<string, number>;
  /** All the stack's processes, ms per order. */
  stackMsPerOrder: number;
  /** The bench itself (load generator, observer, samplers), ms per order. */
  loadGeneratorMsPerOrder: number;
}

export function cpuPerOrder(
  seconds: Record<string, number>,
  loadGeneratorSeconds: number,
  orders: number,
): CpuPerOrder {
  const stack = Object.values(seconds).reduce((sum, s) => sum + s, 0);
  return {
    orders,
    seconds,
    stackMsPerOrder: orders > 0 ? (stack * 1000) / orders : NaN,
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
    `| load generator (the bench) | | ${round(cpu.loadGeneratorMsPerOrder, 1)} |`,
    '',
    `CPU-seconds (user + system, /proc) of each process during the main run ÷ the ${cpu.orders} orders accepted in it.`,
  ].join('\n');
}
