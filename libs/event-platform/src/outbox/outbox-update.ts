import { OUTBOX_FIELD_NAMES, OutboxFields, OutgoingEvent, toOutboxEntry } from './outbox-entry';

type Update = Record<string, unknown>;
const OUTBOX_FIELDS: readonly string[] = OUTBOX_FIELD_NAMES;

/**
 * Adds events to an update so the state change and its events are ONE single-document
 * write (the database has no multi-document transactions). Use the result with
 * `updateOne` / `findOneAndUpdate`, optionally conditional on your own version field:
 *
 *   await orders.updateOne({ _id, version }, withOutbox({ $set: { status: 'held' } }, [event]));
 */
export function withOutbox<U extends object>(
  update: U,
  events: readonly OutgoingEvent[],
  now = new Date(),
): U {
  if (events.length === 0) return update;
  const result: Update = {};
  for (const [field, value] of Object.entries(update)) {
    if (field.startsWith('$')) {
      rejectOutboxFields(field, value);
      result[field] = { ...(value as Update) };
    } else {
      // A plain field is an implicit $set; make it explicit so operators can be added.
      if (OUTBOX_FIELDS.includes(field)) throw outboxFieldError(field);
      result.$set = { ...((result.$set as Update) ?? {}), [field]: value };
    }
  }
  const entries = events.map((event) => toOutboxEntry(event, now));
  result.$push = { ...((result.$push as Update) ?? {}), outbox: { $each: entries } };
  result.$inc = { ...((result.$inc as Update) ?? {}), outboxVersion: 1 };
  // $min keeps an older pending entry's time; never store null there ($min would keep it).
  result.$min = { ...((result.$min as Update) ?? {}), outboxSince: now };
  result.$set = { ...((result.$set as Update) ?? {}), outboxPending: true };
  return result as U;
}

/** A new document that already carries its first events, for `create` / `insertOne`. */
export function newDocumentWithOutbox<D extends object>(
  document: D,
  events: readonly OutgoingEvent[],
  now = new Date(),
): D & OutboxFields {
  for (const field of OUTBOX_FIELDS) {
    if (field in document) throw outboxFieldError(field);
  }
  const outbox = events.map((event) => toOutboxEntry(event, now));
  return {
    ...document,
    outbox,
    outboxVersion: 0,
    ...(outbox.length > 0 ? { outboxSince: now, outboxPending: true as const } : {}),
  };
}

function rejectOutboxFields(operator: string, value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  for (const path of Object.keys(value)) {
    const root = path.split('.')[0];
    if (OUTBOX_FIELDS.includes(root)) throw outboxFieldError(`${operator} ${path}`);
  }
}

function outboxFieldError(field: string): Error {
  return new Error(
    `the update must not touch ${field}: outbox fields belong to the event platform`,
  );
}
