import { Schema } from 'mongoose';

export const AUDIT_ENTRIES_COLLECTION = 'audit_entries';
export const AUDIT_ENTRY_MODEL = 'AuditEntry';

export interface AuditEntryDocument {
  /** The event's auditId: a second delivery of the same action fails with E11000. */
  _id: string;
  service: string;
  actor: { userId: string; email: string; roles: string[] };
  action: string;
  subject: { type: string; id: string };
  accountId?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  reason?: string;
  at: Date;
  recordedAt: Date;
  eventId: string;
  correlationId: string;
}

export const AuditEntrySchema = new Schema<AuditEntryDocument>(
  {
    _id: { type: String, required: true },
    service: { type: String, required: true },
    actor: {
      userId: { type: String, required: true },
      email: { type: String, required: true },
      roles: { type: [String], default: [] },
    },
    action: { type: String, required: true },
    subject: {
      type: { type: String, required: true },
      id: { type: String, required: true },
    },
    accountId: { type: String },
    before: { type: Schema.Types.Mixed },
    after: { type: Schema.Types.Mixed },
    reason: { type: String },
    at: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
    eventId: { type: String, required: true },
    correlationId: { type: String, required: true },
  },
  { versionKey: false, collection: AUDIT_ENTRIES_COLLECTION, minimize: false },
);
AuditEntrySchema.index({ at: -1, _id: -1 });
AuditEntrySchema.index({ accountId: 1, at: -1 });
AuditEntrySchema.index({ 'actor.userId': 1, at: -1 });
AuditEntrySchema.index({ 'actor.email': 1, at: -1 });
AuditEntrySchema.index({ action: 1, at: -1 });
