import { HOUSEKEEPING_COMMANDS } from '../pipeline/database-commands';
import { samplesOf } from '../pipeline/prometheus-text';

const HOUSEKEEPING = new Set(HOUSEKEEPING_COMMANDS.map((name) => name.toLowerCase()));

/** `service|collection|command|context` → commands, summed over the service's processes. */
export type CommandCounts = Record<string, number>;

/** The services' own database command counters (`db_commands_total`) at one moment. */
export interface ServiceCounters {
  commands: CommandCounts;
  /** `service|collection|command` → documents those writes carried (`db_command_documents_total`). */
  documents: Record<string, number>;
  /** Shipment events (the fulfilment simulator's) ordering has handled. */
  shipmentEvents: number;
  /** Emails notifications handed to SMTP, by template (`emails_sent_total`). */
  emailsSent: Record<string, number>;
  /** Processes read, and those whose /metrics has no `db_commands_total` or did not answer. */
  scraped: string[];
  withoutCounter: string[];
  unreachable: string[];
}

export const commandKey = (service: string, collection: string, command: string, context: string) =>
  [service, collection, command, context].join('|');

export function parseCommandKey(key: string) {
  const [service, collection, command, context] = key.split('|');
  return { service, collection, command, context };
}

export function emptyCounters(): ServiceCounters {
  return {
    commands: {},
    documents: {},
    shipmentEvents: 0,
    emailsSent: {},
    scraped: [],
    withoutCounter: [],
    unreachable: [],
  };
}

/** Adds one process's /metrics text to the service's counters. */
export function addMetricsText(
  into: ServiceCounters,
  process: string,
  service: string,
  text: string,
): ServiceCounters {
  const commands = samplesOf(text, 'db_commands_total');
  into.scraped.push(process);
  if (commands.length === 0) into.withoutCounter.push(process);
  for (const { labels, value } of commands) {
    const key = commandKey(
      service,
      labels.collection ?? '-',
      labels.command ?? '?',
      labels.context ?? '?',
    );
    into.commands[key] = (into.commands[key] ?? 0) + value;
  }
  for (const { labels, value } of samplesOf(text, 'db_command_documents_total')) {
    const key = [service, labels.collection ?? '-', labels.command ?? '?'].join('|');
    into.documents[key] = (into.documents[key] ?? 0) + value;
  }
  for (const { labels, value } of samplesOf(text, 'emails_sent_total')) {
    const template = labels.template ?? '?';
    into.emailsSent[template] = (into.emailsSent[template] ?? 0) + value;
  }
  if (service === 'ordering') {
    for (const { labels, value } of samplesOf(text, 'events_consumed_total'))
      if (/^Shipment/.test(labels.type ?? '') && labels.outcome !== 'duplicate')
        into.shipmentEvents += value;
  }
  return into;
}

/** Reads every service process's /metrics; never throws (a process that is away is reported). */
export async function readServiceCounters(
  targets: readonly { process: string; service: string; url: string }[],
  timeoutMs = 5000,
): Promise<ServiceCounters> {
  const counters = emptyCounters();
  await Promise.all(
    targets.map(async ({ process, service, url }) => {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        addMetricsText(counters, process, service, await response.text());
      } catch {
        counters.unreachable.push(process);
      }
    }),
  );
  return counters;
}

/** What happened between two readings; a counter that went down (a restart) counts from zero. */
export function counterDelta(before: ServiceCounters, after: ServiceCounters): ServiceCounters {
  const minus = (a: Record<string, number>, b: Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const [key, value] of Object.entries(a)) {
      const delta = value >= (b[key] ?? 0) ? value - (b[key] ?? 0) : value;
      if (delta > 0) out[key] = delta;
    }
    return out;
  };
  const shipments = after.shipmentEvents - before.shipmentEvents;
  return {
    commands: minus(after.commands, before.commands),
    documents: minus(after.documents, before.documents),
    emailsSent: minus(after.emailsSent, before.emailsSent),
    shipmentEvents: shipments >= 0 ? shipments : after.shipmentEvents,
    scraped: after.scraped,
    withoutCounter: [...new Set([...before.withoutCounter, ...after.withoutCounter])],
    unreachable: [...new Set([...before.unreachable, ...after.unreachable])],
  };
}

/** Every counted command of a reading (housekeeping such as `hello` left out). */
export function sumCounted(counters: ServiceCounters): number {
  return Object.entries(counters.commands)
    .filter(([key]) => !HOUSEKEEPING.has(parseCommandKey(key).command.toLowerCase()))
    .reduce((sum, [, n]) => sum + n, 0);
}
