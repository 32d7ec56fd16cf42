import { Schema } from 'mongoose';
import { outboxPlugin } from '@metered/event-platform';

export const READINGS_COLLECTION = 'readings';
export const READING_MODEL = 'Reading';
export const INGEST_BATCHES_COLLECTION = 'ingest_batches';
export const INGEST_BATCH_MODEL = 'IngestBatch';

/**
 * One reading as stored. `_id` is `<serial>|<readAt as UTC ISO>`: the same reading sent twice
 * (an agent's retry, a redelivered Kafka batch) is the same key, and the second insert is a
 * duplicate — the one atomic check FerretDB offers.
 */
export const ReadingSchema = new Schema(
  {
    _id: { type: String, required: true },
    serial: { type: String, required: true },
    readAt: { type: Date, required: true },
    accountId: { type: String, required: true },
    agentId: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    counters: { type: Schema.Types.Mixed },
    counterReset: { type: Boolean },
    supplies: { type: [Schema.Types.Mixed], default: [] },
  },
  { versionKey: false, collection: READINGS_COLLECTION },
);
ReadingSchema.index({ serial: 1 });

/**
 * The new readings of one upload (HTTP request or Kafka batch), kept until derivation has
 * applied them, and carrying in its outbox one `ReadingsAccepted` per device (envelope
 * `causationId` = this batch's id): the compact stream, keyed by serial, whose consumer owns
 * each device's derived state.
 */
export const IngestBatchSchema = new Schema(
  {
    _id: { type: String, required: true },
    createdAt: { type: Date, required: true },
    devices: { type: [Schema.Types.Mixed], default: [] },
  },
  { versionKey: false, collection: INGEST_BATCHES_COLLECTION, minimize: false },
);
IngestBatchSchema.plugin(outboxPlugin);
