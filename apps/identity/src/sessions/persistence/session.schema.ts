import { Schema } from 'mongoose';
import { outboxPlugin } from '@metered/event-platform';

export const SESSIONS_COLLECTION = 'sessions';
export const SESSION_MODEL = 'Session';

export interface SessionDocument {
  _id: string;
  userId: string;
  refreshTokenHash: string;
  rotatedTokenHashes: string[];
  createdAt: Date;
  refreshedAt: Date;
  expiresAt: Date;
  accessTokensExpireBy: Date;
  revokedAt: Date | null;
  revokeReason: string | null;
}

export const SessionSchema = new Schema<SessionDocument>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    refreshTokenHash: { type: String, required: true },
    rotatedTokenHashes: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    refreshedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    accessTokensExpireBy: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    revokeReason: { type: String, default: null },
  },
  { versionKey: false },
);
// SessionRevoked is written with the revocation, in this document.
SessionSchema.plugin(outboxPlugin);
SessionSchema.index({ userId: 1 });
SessionSchema.index({ expiresAt: 1 });
