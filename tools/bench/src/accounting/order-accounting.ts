import { round } from '../load/stats';
import { HOUSEKEEPING_COMMANDS } from '../pipeline/database-commands';
import { describeCommand } from './command-reasons';
import { parseCommandKey, ServiceCounters } from './service-counters';

const housekeeping = new Set(HOUSEKEEPING_COMMANDS.map((name) => name.toLowerCase()));
const counted = (key: string) => !housekeeping.has(parseCommandKey(key).command.toLowerCase());

/** A measured window: the counters' change over it and how long it lasted. */
export interface CounterWindow {
  delta: ServiceCounters;
  durationS: number;
}

/** One database command of the order's path: who sends it, why, and what it costs per order. */
export interface AccountingRow {
  service: string;
  collection: string;
  command: string;
  /** request (before the 201) | after-response | event | background: see db_commands_total. */
  context: string;
  component: string;
  reason: string;
  /** Commands in the main run ÷ orders accepted in it. */
  perOrder: number;
  /** Documents or statements per command for writes (the batch size), null for reads. */
  perCommand: number | null;
  /** The same command on the idle stack, per second. */
  idlePerSecond: number;
  /** Commands in the main run. */
  count: number;
}

export interface SimulatorShare {
  /** Orders the simulator shipped in its own quiet window, and the window's length. */
  orders: number;
  durationS: number;
  /** Commands per shipped order (dispatched + delivered), idle polling subtracted. */
  perShippedOrder: number;
  rows: { service: string; collection: string; command: string; perShippedOrder: number }[];
  /** Shipment events ordering handled in the simulator's window (two per order expected). */
  shipmentEventsInWindow: number;
  /**
   * Confirmation emails (order-placed) sent in the simulator's window: the tail of those
   * orders' own pipeline, counted in the window too when not 0.
   */
  confirmationsInWindow: number;
  /** Shipment events ordering handled during the main run (two per shipped order). */
  shipmentEventsInRun: number;
  /** Its share of the main run's commands per order: perShippedOrder × shipped ÷ orders. */
  perOrderInRun: number;
}

export interface OrderAccounting {
  orders: number;
  rows: AccountingRow[];
  /** Every counted command of the main run per order (housekeeping left out). */
  total: number;
  beforeResponse: number;
  /** `total` without the fulfilment simulator's share in the run, when that is known. */
  endToEnd: number;
  simulator: SimulatorShare | { reason: string };
  /** Counted commands per second on the idle stack (services' counters). */
  idlePerSecond: number | null;
  /** Processes whose counters were missing or unreachable (their commands are not in the rows). */
  missing: string[];
}

/** Counted commands per `service|collection|command|context`, divided by `divisor`. */
function perKey(delta: ServiceCounters, divisor: number): Map<string, number> {
  const rows = new Map<string, number>();
  for (const [key, n] of Object.entries(delta.commands))
    if (counted(key)) rows.set(key, (rows.get(key) ?? 0) + n / divisor);
  return rows;
}

/** Commands per `service|collection|command` over every context (for the batch size). */
function perCommand(delta: ServiceCounters): Map<string, number> {
  const rows = new Map<string, number>();
  for (const [key, n] of Object.entries(delta.commands)) {
    const { service, collection, command } = parseCommandKey(key);
    const short = [service, collection, command].join('|');
    rows.set(short, (rows.get(short) ?? 0) + n);
  }
  return rows;
}

/**
 * The per-step accounting of the main run from the services' own counters: each command per
 * order, why it is there, its batch size, its idle rate; the fulfilment simulator's share
 * measured in its own window and taken out of the end-to-end figure.
 */
export function accountOrders(input: {
  orders: number;
  main: CounterWindow;
  idle?: CounterWindow;
  simulator?: (CounterWindow & { orders: number }) | { reason: string };
}): OrderAccounting {
  const { orders, main, idle } = input;
  const mainRows = perKey(main.delta, 1);
  const idleRows = idle ? perKey(idle.delta, idle.durationS) : new Map<string, number>();
  const allContexts = perCommand(main.delta);
  const rows: AccountingRow[] = [...mainRows.entries()].map(([key, count]) => {
    const { service, collection, command, context } = parseCommandKey(key);
    const short = [service, collection, command].join('|');
    const documents = main.delta.documents[short];
    return {
      service,
      collection,
      command,
      context,
      ...describeCommand(service, collection, command, context),
      perOrder: orders > 0 ? count / orders : NaN,
      perCommand: documents ? documents / allContexts.get(short)! : null,
      idlePerSecond: idleRows.get(key) ?? 0,
      count,
    };
  });
  rows.sort(
    (a, b) =>
      a.service.localeCompare(b.service) ||
      b.perOrder - a.perOrder ||
      a.collection.localeCompare(b.collection),
  );
  const total = rows.reduce((sum, row) => sum + row.perOrder, 0);
  const beforeResponse = rows
    .filter((row) => row.context === 'request')
    .reduce((sum, row) => sum + row.perOrder, 0);

  let simulator: OrderAccounting['simulator'] = { reason: 'not measured' };
  const sim = input.simulator;
  if (sim && 'reason' in sim) simulator = sim;
  else if (sim && sim.orders > 0) {
    const merged = new Map<string, number>();
    for (const [key, count] of perKey(sim.delta, 1)) {
      const { service, collection, command } = parseCommandKey(key);
      const net = Math.max(0, count - (idleRows.get(key) ?? 0) * sim.durationS);
      const short = [service, collection, command].join('|');
      merged.set(short, (merged.get(short) ?? 0) + net);
    }
    const simRows = [...merged.entries()].map(([short, count]) => {
      const [service, collection, command] = short.split('|');
      return { service, collection, command, perShippedOrder: count / sim.orders };
    });
    const perShippedOrder = simRows.reduce((sum, row) => sum + row.perShippedOrder, 0);
    const shipmentEventsInRun = main.delta.shipmentEvents;
    simulator = {
      orders: sim.orders,
      durationS: sim.durationS,
      perShippedOrder,
      rows: simRows
        .filter((row) => row.perShippedOrder > 0)
        .sort((a, b) => b.perShippedOrder - a.perShippedOrder),
      shipmentEventsInRun,
      shipmentEventsInWindow: sim.delta.shipmentEvents,
      confirmationsInWindow: sim.delta.emailsSent['order-placed'] ?? 0,
      perOrderInRun: orders > 0 ? (perShippedOrder * shipmentEventsInRun) / 2 / orders : NaN,
    };
  } else if (sim) simulator = { reason: 'no order of its window was placed' };

  const idlePerSecond = idle
    ? [...idleRows.values()].reduce((sum, perSecond) => sum + perSecond, 0)
    : null;
  return {
    orders,
    rows,
    total,
    beforeResponse,
    endToEnd: 'perOrderInRun' in simulator ? Math.max(0, total - simulator.perOrderInRun) : total,
    simulator,
    idlePerSecond,
    missing: [...main.delta.withoutCounter, ...main.delta.unreachable],
  };
}

const WHEN: Record<string, string> = {
  request: 'before the 201',
  'after-response': 'after the answer',
  event: 'event',
  background: 'background',
};

const n = (value: number | null, digits = 2) =>
  value === null || !Number.isFinite(value) ? '–' : `${round(value, digits)}`;

/** The accounting as Markdown: one row per command, then the totals and what they count. */
export function accountingSection(a: OrderAccounting): string {
  if (a.orders <= 0) return 'Not measured: no order was accepted in the main run.';
  if (a.rows.length === 0 && a.missing.length > 0)
    return `Not measured step by step: ${a.missing.join(', ')} expose no \`db_commands_total\` (a revision before the services counted their commands) — FerretDB's totals below stand in for the commands per order, the idle rate and the targets.`;
  const lines = [
    '| service | collection | command | when | issued by | per order | docs per command (batch) | idle /s | why |',
    '|---|---|---|---|---|---|---|---|---|',
    ...a.rows
      .filter((row) => row.perOrder >= 0.005 || row.idlePerSecond >= 0.005)
      .map(
        (row) =>
          `| ${row.service} | ${row.collection} | ${row.command} | ${WHEN[row.context] ?? row.context} | ${row.component} | ${n(row.perOrder)} | ${n(row.perCommand, 1)} | ${n(row.idlePerSecond)} | ${row.reason} |`,
      ),
    `| **all services** | | | | | **${n(a.total)}** | | **${n(a.idlePerSecond)}** | |`,
    `| of which **before the 201** | | | | | **${n(a.beforeResponse)}** | | | |`,
  ];
  const sim = a.simulator;
  if ('reason' in sim) lines.push(`| fulfilment simulator | | | | | – | | | ${sim.reason} |`);
  else
    lines.push(
      `| **fulfilment simulator** (own window) | | | | shipment events → ordering, its events and emails | ${n(sim.perOrderInRun)} in this run (${n(sim.perShippedOrder)} per shipped order) | | | ${sim.orders} orders shipped in ${n(sim.durationS, 0)} s with nothing else placed (${sim.shipmentEventsInWindow} shipment events handled)${sim.confirmationsInWindow > 0 ? `, **${sim.confirmationsInWindow} of their confirmation emails still sent in it (counted there)**` : ''}; ${sim.shipmentEventsInRun} shipment events in the main run ÷ 2 per order |`,
    );
  lines.push(
    `| **end to end without the simulator** | | | | | **${n(a.endToEnd)}** | | | |`,
    '',
    `Each service's own \`db_commands_total{collection,command,context}\` (driver command monitoring), summed over all its processes and read before and after the main run, ÷ the ${a.orders} orders accepted in it. When: "before the 201" while the order's HTTP request was still open, "after the answer" by work a request started, "event" while a consumer handled an event, "background" by pollers, relays and timers. Docs per command: documents or statements per insert/update/delete, the batch size. Pollers and relays count in every row as they ran during the run; "idle /s" is the same command on the stack before any load. Left out as housekeeping: ${HOUSEKEEPING_COMMANDS.join(', ')}.`,
  );
  if (!('reason' in sim) && sim.rows.length > 0)
    lines.push(
      '',
      `Fulfilment simulator per shipped order: ${sim.rows
        .slice(0, 12)
        .map((row) => `${row.service} ${row.collection} ${row.command} ${n(row.perShippedOrder)}`)
        .join(', ')}.`,
    );
  if (a.missing.length > 0)
    lines.push('', `**Not counted** (no counter or no answer): ${a.missing.join(', ')}.`);
  return lines.join('\n');
}
