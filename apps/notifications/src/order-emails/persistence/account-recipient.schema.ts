import { Schema } from 'mongoose';
import type { AccountRecipient } from '../domain/account-recipients';
import type { OrderEmailEventType, OrderEmailPayload } from '../domain/order-email';

export const ACCOUNT_RECIPIENTS_COLLECTION = 'account_recipients';
export const ACCOUNT_RECIPIENTS_MODEL = 'AccountRecipients';

/** An order event that arrived before any user of its account was known; mailed when one is. */
export interface ParkedOrderEvent {
  eventId: string;
  correlationId: string;
  type: OrderEmailEventType;
  /** The event's payload as it arrived (validated by the consumer). */
  payload: OrderEmailPayload;
  parkedAt: Date;
}

/**
 * Notifications' own read model of accounts (from identity's RegistrationApproved and
 * UserActivated): whom to write to about an account's orders, since order events name only
 * the account.
 */
export interface AccountRecipientsDocument {
  /** accountId */
  _id: string;
  recipients: AccountRecipient[];
  parkedOrderEvents: ParkedOrderEvent[];
  updatedAt: Date;
}

const RecipientSchema = new Schema<AccountRecipient>(
  {
    userId: { type: String, required: true },
    email: { type: String, required: true },
    name: { type: String, required: false },
  },
  { _id: false },
);

const ParkedOrderEventSchema = new Schema<ParkedOrderEvent>(
  {
    eventId: { type: String, required: true },
    correlationId: { type: String, required: true },
    type: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    parkedAt: { type: Date, required: true },
  },
  { _id: false },
);

export const AccountRecipientsSchema = new Schema<AccountRecipientsDocument>(
  {
    _id: { type: String, required: true },
    recipients: { type: [RecipientSchema], default: [] },
    parkedOrderEvents: { type: [ParkedOrderEventSchema], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: ACCOUNT_RECIPIENTS_COLLECTION },
);
