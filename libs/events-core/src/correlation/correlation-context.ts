import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface CorrelationIds {
  /** Follows one business flow across HTTP calls and Kafka hops. */
  correlationId: string;
  /** The event (or request) that directly caused the current work; null at the start of a flow. */
  causationId: string | null;
  /** The event being handled, while a consumer handles one (for log lines). */
  eventId?: string;
}

/** HTTP header that carries the correlation id in and out of every service. */
export const CORRELATION_HEADER = 'x-correlation-id';

const SAFE_CORRELATION_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** True when a caller-supplied id is short and plain enough to log and forward as is. */
export function isSafeCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_CORRELATION_ID.test(value);
}

const storage = new AsyncLocalStorage<CorrelationIds>();

/**
 * The correlation ids of the work in progress, carried by AsyncLocalStorage so neither
 * controllers nor services have to thread them through every call: the HTTP middleware
 * and the event consumer open a context, `createEnvelope` reads it.
 */
export const CorrelationContext = {
  run<T>(ids: CorrelationIds, work: () => T): T {
    return storage.run({ ...ids }, work);
  },

  current(): CorrelationIds | undefined {
    return storage.getStore();
  },

  /** The current correlation id, or a fresh one when no flow is in progress. */
  correlationIdOrNew(): string {
    return storage.getStore()?.correlationId ?? randomUUID();
  },

  /** Headers to forward on an outgoing HTTP call so the next service joins the same flow. */
  outgoingHeaders(): Record<string, string> {
    const current = storage.getStore();
    return current ? { [CORRELATION_HEADER]: current.correlationId } : {};
  },
};
