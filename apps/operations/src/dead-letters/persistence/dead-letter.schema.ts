import { Schema } from 'mongoose';
import { OutboxFields, outboxPlugin } from '@metered/event-platform';
import { DEAD_LETTER_STATUSES, DeadLetterStatus, MessageHeader } from '../domain/dead-letter';

export const DEAD_LETTERS_COLLECTION = 'dead_letters';
export const DEAD_LETTER_MODEL = 'DeadLetter';

export interface DeadLetterDocument extends OutboxFields {
  /** Derived from the parked copy's topic/partition/offset: a redelivery fails with E11000. */
  _id: string;
  deadLetterTopic: string;
  deadLetterPartition: number;
  deadLetterOffset: string;
  originalTopic: string | null;
  originalPartition: number | null;
  originalOffset: string | null;
  key: string | null;
  value: string | null;
  valueEncoding: 'utf8' | 'base64';
  /** An array, not an object: header names may hold characters a field name may not. */
  headers: MessageHeader[];
  reason: string;
  error: string;
  consumerGroup: string;
  attempts: number;
  failedAt: Date;
  truncated: boolean;
  status: DeadLetterStatus;
  receivedAt: Date;
  /** When a replay claimed it (a claim older than a few minutes was interrupted). */
  claimedAt?: Date;
  replayedAt?: Date;
  replayedBy?: { userId: string; email: string };
}

export const DeadLetterSchema = new Schema<DeadLetterDocument>(
  {
    _id: { type: String, required: true },
    deadLetterTopic: { type: String, required: true },
    deadLetterPartition: { type: Number, required: true },
    deadLetterOffset: { type: String, required: true },
    originalTopic: { type: String, default: null },
    originalPartition: { type: Number, default: null },
    originalOffset: { type: String, default: null },
    key: { type: String, default: null },
    value: { type: String, default: null },
    valueEncoding: { type: String, enum: ['utf8', 'base64'], required: true },
    headers: { type: [{ _id: false, name: String, value: String }], default: [] },
    reason: { type: String, required: true },
    error: { type: String, default: '' },
    consumerGroup: { type: String, required: true },
    attempts: { type: Number, default: 0 },
    failedAt: { type: Date, required: true },
    truncated: { type: Boolean, default: false },
    status: { type: String, enum: DEAD_LETTER_STATUSES, required: true },
    receivedAt: { type: Date, required: true },
    claimedAt: { type: Date },
    replayedAt: { type: Date },
    replayedBy: { type: { _id: false, userId: String, email: String } },
  },
  { versionKey: false, collection: DEAD_LETTERS_COLLECTION },
);
DeadLetterSchema.plugin(outboxPlugin);
DeadLetterSchema.index({ failedAt: -1 });
DeadLetterSchema.index({ status: 1, failedAt: -1 });
DeadLetterSchema.index({ originalTopic: 1, failedAt: -1 });
