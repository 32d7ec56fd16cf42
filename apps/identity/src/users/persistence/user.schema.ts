import { Schema } from 'mongoose';
import { outboxPlugin } from '@metered/event-platform';

export const USERS_COLLECTION = 'users';
export const USER_MODEL = 'User';

export interface UserDocument {
  _id: string;
  email: string;
  name: string;
  roles: string[];
  accountId: string | null;
  company: string;
  country: string;
  status: string;
  passwordHash: string | null;
  accessLink: { purpose: string; tokenHash: string; expiresAt: Date } | null;
  resetRequestedAt: Date[];
  registrationId: string | null;
  createdAt: Date;
  activatedAt: Date | null;
}

const AccessLinkSchema = new Schema(
  {
    purpose: { type: String, required: true },
    tokenHash: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { _id: false },
);

export const UserSchema = new Schema<UserDocument>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    name: { type: String, required: true },
    roles: { type: [String], required: true },
    accountId: { type: String, default: null },
    company: { type: String, required: true },
    country: { type: String, required: true },
    status: { type: String, required: true },
    passwordHash: { type: String, default: null },
    accessLink: { type: AccessLinkSchema, default: null },
    resetRequestedAt: { type: [Date], default: [] },
    registrationId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    activatedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
UserSchema.plugin(outboxPlugin);
// The unique index is what makes "one user per email" hold under concurrency.
UserSchema.index({ email: 1 }, { unique: true });
// The helpdesk lists an account's users.
UserSchema.index({ accountId: 1 });
UserSchema.index({ 'accessLink.tokenHash': 1 });
UserSchema.index({ registrationId: 1 });
