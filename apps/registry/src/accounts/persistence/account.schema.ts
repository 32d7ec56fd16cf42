import { Schema } from 'mongoose';
import type { ShipToAddress } from '@metered/contracts';
import { OutboxFields, outboxPlugin } from '@metered/event-platform';

export const ACCOUNT = 'Account';
export const ACCOUNTS_COLLECTION = 'accounts';

/**
 * Keyed by identity's accountId: a redelivered approval hits the duplicate key. Its outbox
 * carries the account's own events (`ShipToAddressChanged` and its audit entry), written
 * through EventOutbox under the document lock.
 */
export interface AccountDocument extends OutboxFields {
  _id: string;
  accountId: string;
  registrationId: string;
  company: string;
  country: string;
  shipTo: ShipToAddress;
  approvedSerials: string[];
  createdAt: Date;
}

const ShipToSchema = new Schema<ShipToAddress>(
  {
    line1: { type: String, required: true },
    line2: { type: String, required: false },
    city: { type: String, required: true },
    state: { type: String, required: false },
    postalCode: { type: String, required: true },
    country: { type: String, required: true },
  },
  { _id: false },
);

export const AccountSchema = new Schema<AccountDocument>(
  {
    _id: { type: String, required: true },
    accountId: { type: String, required: true },
    registrationId: { type: String, required: true },
    company: { type: String, required: true },
    country: { type: String, required: true },
    shipTo: { type: ShipToSchema, required: true },
    approvedSerials: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: ACCOUNTS_COLLECTION },
);
AccountSchema.plugin(outboxPlugin);
