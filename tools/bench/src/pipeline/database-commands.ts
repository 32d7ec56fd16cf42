import { round } from '../load/stats';

/**
 * Database commands per order, from FerretDB's Prometheus counter
 * `ferretdb_client_requests_total{command,opcode}` read before and after the main run: what
 * the whole stack asked of the database, not only the placement path.
 */

/**
 * Driver and connection chatter, not work for an order: handshakes and heartbeats (hello,
 * isMaster, the legacy OP_QUERY handshake FerretDB counts as `unknown`), pings, session
 * cleanup, server and authentication introspection.
 */
export const HOUSEKEEPING_COMMANDS: readonly string[] = [
  'hello',
  'isMaster',
  'ismaster',
  'ping',
  'endSessions',
  'unknown',
  'buildInfo',
  'buildinfo',
  'getParameter',
  'getCmdLineOpts',
  'getLog',
  'hostInfo',
  'serverStatus',
  'whatsmyuri',
  'connectionStatus',
  'listCommands',
  'saslStart',
  'saslContinue',
  'logout',
];
const housekeeping = new Set(HOUSEKEEPING_COMMANDS.map((name) => name.toLowerCase()));

export type CommandCounts = Record<string, number>;

/** One reading of the counters, or why there is none. */
export type CommandSnapshot = { counts: CommandCounts } | { error: string };

/** What the main run cost the database; `perOrder`/`total` are null when unknown, with the reason. */
export interface DatabaseCommandsPerOrder {
  source: string;
  orders: number;
  /** Commands per accepted order by command (housekeeping left out), largest first. */
  perOrder: Record<string, number> | null;
  /** All counted commands per accepted order. */
  total: number | null;
  /** Raw counts during the main run, housekeeping included (for results.json). */
  counts: CommandCounts | null;
  ignored: readonly string[];
  reason?: string;
}

const METRIC = 'ferretdb_client_requests_total';

/** Sums `ferretdb_client_requests_total` per command over its opcodes; other lines are ignored. */
export function parseClientRequests(text: string): CommandCounts {
  const counts: CommandCounts = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line.startsWith(METRIC) || line.startsWith('#')) continue;
    const rest = line.slice(METRIC.length);
    if (rest[0] !== '{' && rest[0] !== ' ') continue; // another metric sharing the prefix
    const labels = rest[0] === '{' ? rest.slice(1, rest.lastIndexOf('}')) : '';
    const valueText = (rest[0] === '{' ? rest.slice(rest.lastIndexOf('}') + 1) : rest)
      .trim()
      .split(/\s+/)[0];
    const value = Number(valueText);
    if (!Number.isFinite(value)) continue;
    const command = /(?:^|,)\s*command="((?:[^"\\]|\\.)*)"/.exec(labels)?.[1] ?? 'unknown';
    counts[command] = (counts[command] ?? 0) + value;
  }
  return counts;
}

/** Reads the counters; never throws — an unreachable FerretDB debug listener is an answer too. */
export async function readCommandCounts(url: string, timeoutMs = 3000): Promise<CommandSnapshot> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return { error: `${url} answered HTTP ${response.status}` };
    const counts = parseClientRequests(await response.text());
    if (Object.keys(counts).length === 0) return { error: `${url} has no ${METRIC}` };
    return { counts };
  } catch (error) {
    return { error: `${url} did not answer (${error instanceof Error ? error.message : error})` };
  }
}

/** Commands during the run (after − before) divided by the orders accepted in it. */
export function commandsPerOrder(
  source: string,
  before: CommandSnapshot,
  after: CommandSnapshot,
  orders: number,
): DatabaseCommandsPerOrder {
  const unknown = (reason: string, counts: CommandCounts | null = null) => ({
    source,
    orders,
    perOrder: null,
    total: null,
    counts,
    ignored: HOUSEKEEPING_COMMANDS,
    reason,
  });
  if ('error' in before) return unknown(`before the main run: ${before.error}`);
  if ('error' in after) return unknown(`after the main run: ${after.error}`);
  const counts: CommandCounts = {};
  for (const command of new Set([...Object.keys(before.counts), ...Object.keys(after.counts)])) {
    const delta = (after.counts[command] ?? 0) - (before.counts[command] ?? 0);
    if (delta < 0) return unknown(`the ${command} counter went down (FerretDB restarted?)`);
    if (delta > 0) counts[command] = delta;
  }
  if (orders <= 0) return unknown('no order was accepted in the main run', counts);
  const counted = Object.entries(counts)
    .filter(([command]) => !housekeeping.has(command.toLowerCase()))
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const perOrder = Object.fromEntries(
    counted.map(([command, n]) => [command, round(n / orders, 2)]),
  );
  const total = round(counted.reduce((sum, [, n]) => sum + n, 0) / orders, 2);
  return { source, orders, perOrder, total, counts, ignored: HOUSEKEEPING_COMMANDS };
}
