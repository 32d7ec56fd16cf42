import { Schema } from 'mongoose';
import { OutboxFields, outboxPlugin } from '@metered/event-platform';
import { EMAIL_STATUSES, EmailStatus } from '../domain/email';

export const EMAILS_COLLECTION = 'emails';
export const EMAIL_MODEL = 'Email';

export interface EmailDocument extends OutboxFields {
  /** messageId: `<template>:<causing eventId>`; the unique index makes enqueueing idempotent. */
  _id: string;
  template: string;
  to: string;
  subject: string;
  /** The bodies are dropped once the email is sent or failed: they may carry one-time links. */
  text?: string;
  html?: string;
  causationEventId: string;
  correlationId: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  /** When a queued email is due (again). */
  nextAttemptAt: Date;
  /** The sender replica that is handing it over, and until when that claim holds. */
  claimedBy?: string;
  claimExpiresAt?: Date;
  createdAt: Date;
  sentAt?: Date;
  failedAt?: Date;
}

export const EmailSchema = new Schema<EmailDocument>(
  {
    _id: { type: String, required: true },
    template: { type: String, required: true },
    to: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String },
    html: { type: String },
    causationEventId: { type: String, required: true },
    correlationId: { type: String, required: true },
    status: { type: String, enum: EMAIL_STATUSES, required: true },
    attempts: { type: Number, required: true, default: 0 },
    lastError: { type: String, default: null },
    nextAttemptAt: { type: Date, required: true },
    claimedBy: { type: String },
    claimExpiresAt: { type: Date },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date },
    failedAt: { type: Date },
  },
  { versionKey: false, collection: EMAILS_COLLECTION },
);
EmailSchema.plugin(outboxPlugin);
EmailSchema.index({ status: 1, nextAttemptAt: 1 });
EmailSchema.index({ createdAt: -1 });
EmailSchema.index({ to: 1, createdAt: -1 });
