import { collectDefaultMetrics, Counter, Gauge, Histogram, Metric, register } from 'prom-client';

/**
 * Every metric the platform exposes at `GET /metrics`, in the process-wide prom-client
 * registry. The names are a contract: the operations service's overview reads them
 * (docs/s3 plan "Metrics"), so they are defined once, here, and never renamed.
 */

/** Returns the metric already registered under that name (a second import of the module, tests) or creates it. */
function once<M extends Metric>(name: string, create: () => M): M {
  return (register.getSingleMetric(name) as M | undefined) ?? create();
}

export const httpRequestDuration = once(
  'http_request_duration_seconds',
  () =>
    new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
);

export const eventsPublished = once(
  'events_published_total',
  () =>
    new Counter({
      name: 'events_published_total',
      help: 'Events the outbox relay published to Kafka',
      labelNames: ['topic', 'type'] as const,
    }),
);

/** outcome: handled | duplicate | retried (one failed attempt) | dead-lettered. */
export const eventsConsumed = once(
  'events_consumed_total',
  () =>
    new Counter({
      name: 'events_consumed_total',
      help: 'Events the consumer processed, by outcome',
      labelNames: ['group', 'topic', 'type', 'outcome'] as const,
    }),
);

export const deadLetters = once(
  'dead_letters_total',
  () =>
    new Counter({
      name: 'dead_letters_total',
      help: "Messages parked on the consumer group's dead-letter topic",
      labelNames: ['group', 'topic'] as const,
    }),
);

export const outboxPendingEvents = once(
  'outbox_pending_events',
  () =>
    new Gauge({
      name: 'outbox_pending_events',
      help: 'Outbox entries not yet published, per collection',
      labelNames: ['collection'] as const,
    }),
);

export const outboxOldestPendingAge = once(
  'outbox_oldest_pending_age_seconds',
  () =>
    new Gauge({
      name: 'outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest unpublished outbox entry of the service (0 when none)',
    }),
);

export const kafkaConsumerLag = once(
  'kafka_consumer_lag',
  () =>
    new Gauge({
      name: 'kafka_consumer_lag',
      help: "Messages between the group's committed offset and the partition's end",
      labelNames: ['group', 'topic', 'partition'] as const,
    }),
);

export const emailsSent = once(
  'emails_sent_total',
  () =>
    new Counter({
      name: 'emails_sent_total',
      help: 'Emails accepted by the SMTP server, by template',
      labelNames: ['template'] as const,
    }),
);

export const emailsFailed = once(
  'emails_failed_total',
  () =>
    new Counter({
      name: 'emails_failed_total',
      help: 'Emails given up on after their last attempt, by template',
      labelNames: ['template'] as const,
    }),
);

export const serviceInfo = once(
  'service_info',
  () =>
    new Gauge({
      name: 'service_info',
      help: 'Always 1; labels name the service and its version',
      labelNames: ['service', 'version'] as const,
    }),
);

let defaultsCollected = false;

/** Process metrics (memory, CPU, event loop lag, …) and service_info, once per process. */
export function startProcessMetrics(service: string, version: string): void {
  serviceInfo.reset();
  serviceInfo.set({ service, version }, 1);
  if (defaultsCollected || register.getSingleMetric('process_resident_memory_bytes')) return;
  collectDefaultMetrics();
  defaultsCollected = true;
}

/**
 * Every command the service's database connection sends (driver command monitoring),
 * by collection (`-` for commands on no collection: `hello`, `endSessions`…), command name and
 * the context that issued it: `request` (an HTTP request not answered yet), `after-response`
 * (work a request started that ran after its answer), `event` (a consumer handling an event)
 * or `background` (pollers, relays, timers). The benchmark reads it before and after a run
 * to account for each command of an order.
 */
export const databaseCommands = once(
  'db_commands_total',
  () =>
    new Counter({
      name: 'db_commands_total',
      help: 'Database commands sent, by collection, command and issuing context',
      labelNames: ['collection', 'command', 'context'] as const,
    }),
);

/** Documents written by those commands (an insert's documents, an update's or delete's statements): the batch size. */
export const databaseCommandDocuments = once(
  'db_command_documents_total',
  () =>
    new Counter({
      name: 'db_command_documents_total',
      help: 'Documents or statements carried by insert, update and delete commands',
      labelNames: ['collection', 'command'] as const,
    }),
);
