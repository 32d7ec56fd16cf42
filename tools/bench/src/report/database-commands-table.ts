import { DatabaseCommandsPerOrder } from '../pipeline/database-commands';

/** The "Database commands per order (main run)" section: table, total and what it counts. */
export function databaseCommandsSection(figure: DatabaseCommandsPerOrder): string {
  if (figure.perOrder === null || figure.total === null)
    return `Not measured: ${figure.reason ?? 'no reading'}.`;
  const counts = figure.counts ?? {};
  const rows = Object.entries(figure.perOrder).map(
    ([command, perOrder]) => `| ${command} | ${perOrder} | ${counts[command] ?? 0} |`,
  );
  const all = Object.keys(figure.perOrder).reduce((sum, c) => sum + (counts[c] ?? 0), 0);
  return [
    '| command | per order | in the run |',
    '|---|---|---|',
    ...rows,
    `| **total** | **${figure.total}** | ${all} |`,
    '',
    `All database commands during the main run ÷ orders accepted in it (${figure.orders}), from FerretDB's \`ferretdb_client_requests_total\`; background work of earlier orders (fulfilment simulator shipments after 15 s, emails), the services' pollers (outbox relays, email queue — busy even on an idle stack) and the bench's own backlog sampling (a count and a find every 2 s) count too. Left out as housekeeping: ${figure.ignored.join(', ')}.`,
  ].join('\n');
}

/** One line for the console: "8 (find 6, insert 2)" or "n/a (why)". */
export function databaseCommandsBrief(figure: DatabaseCommandsPerOrder): string {
  if (figure.perOrder === null || figure.total === null) return `n/a (${figure.reason})`;
  const parts = Object.entries(figure.perOrder).map(([command, n]) => `${command} ${n}`);
  return `${figure.total} (${parts.join(', ')})`;
}
