import { CorrelationContext } from '@metered/events-core';

interface BoundLogger {
  bindings(): Record<string, unknown>;
}

/** Whether a (child) logger already names the correlation id, e.g. an HTTP request's logger. */
const bound = new WeakMap<object, boolean>();

function bindsCorrelationId(logger: BoundLogger | undefined): boolean {
  if (!logger || typeof logger.bindings !== 'function') return false;
  let known = bound.get(logger);
  if (known === undefined) {
    known = 'correlationId' in logger.bindings();
    bound.set(logger, known);
  }
  return known;
}

/**
 * The fields of the flow in progress for one log line: `correlationId` and, while an event
 * is handled, `eventId` — taken from the correlation context the HTTP middleware and the
 * event consumer open. A logger that already binds the correlation id (pino-http's request
 * logger) does not get it twice.
 */
export function flowFields(logger?: BoundLogger): Record<string, string> {
  const ids = CorrelationContext.current();
  if (!ids) return {};
  const fields: Record<string, string> = {};
  if (!bindsCorrelationId(logger)) fields.correlationId = ids.correlationId;
  if (ids.eventId) fields.eventId = ids.eventId;
  return fields;
}
