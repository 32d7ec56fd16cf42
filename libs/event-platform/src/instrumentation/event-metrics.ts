import { deadLetters, eventsConsumed, eventsPublished } from '@metered/service-kit';

/** What the consumer did with one message (or one attempt, for `retried`). */
export type ConsumedOutcome = 'handled' | 'duplicate' | 'retried' | 'dead-lettered';

/**
 * The event platform's hooks into the service's Prometheus metrics. Kept to plain counter
 * increments so instrumentation can never make publishing or consuming fail.
 */
export const EventMetrics = {
  published(entries: readonly { topic: string; type: string }[]): void {
    for (const entry of entries) eventsPublished.inc({ topic: entry.topic, type: entry.type });
  },

  consumed(group: string, topic: string, type: string, outcome: ConsumedOutcome): void {
    eventsConsumed.inc({ group, topic, type, outcome });
  },

  deadLettered(group: string, topic: string, type: string | undefined): void {
    deadLetters.inc({ group, topic });
    eventsConsumed.inc({ group, topic, type: type ?? 'unknown', outcome: 'dead-lettered' });
  },
};
