import { Schema } from 'mongoose';
import { outboxPlugin } from '@metered/event-platform';

export const AGENTS_COLLECTION = 'agents';
export const AGENT_MODEL = 'Agent';

/** One agent; its outbox carries the audit entries of staff actions on it. */
export const AgentSchema = new Schema(
  {
    _id: { type: String, required: true },
    accountId: { type: String, required: true },
    name: { type: String, required: true },
    secretHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date },
    revokedAt: { type: Date },
  },
  { versionKey: false, collection: AGENTS_COLLECTION },
);
AgentSchema.index({ accountId: 1 });
AgentSchema.plugin(outboxPlugin);
