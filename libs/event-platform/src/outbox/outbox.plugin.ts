import { Schema } from 'mongoose';
import { OutboxEntry } from './outbox-entry';

/** The relay's query (equality on `outboxPending`) in `outboxSince` order. */
export const OUTBOX_PENDING_INDEX = { outboxPending: 1, outboxSince: 1 } as const;

export const OutboxEntrySchema = new Schema<OutboxEntry>(
  {
    eventId: { type: String, required: true },
    topic: { type: String, required: true },
    key: { type: String, required: true },
    type: { type: String, required: true },
    version: { type: Number, required: true },
    envelope: { type: String, required: true },
    headers: { type: Schema.Types.Mixed, default: {} },
    status: { type: String, enum: ['pending', 'failed'], default: 'pending' },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * Adds the outbox fields to a schema of a document that emits events:
 * `OrderSchema.plugin(outboxPlugin)`. Then register the collection with the relay
 * (`EventPlatformModule.forRoot({ outboxCollections: ['orders'] })`).
 */
export function outboxPlugin(schema: Schema): void {
  schema.add({
    outbox: { type: [OutboxEntrySchema], default: [] },
    outboxVersion: { type: Number, default: 0 },
    outboxSince: { type: Date, required: false },
    outboxPending: { type: Boolean, required: false },
  });
  schema.index(OUTBOX_PENDING_INDEX);
}
