import { Schema } from 'mongoose';
import { OutboxFields, outboxPlugin } from '@metered/event-platform';
import { AccountRequest, REQUEST_KINDS, REQUEST_STATUSES } from '../domain/account-request';

export const ACCOUNT_REQUEST = 'AccountRequest';
export const ACCOUNT_REQUESTS_COLLECTION = 'account_requests';

/**
 * One customer request, keyed by requestId, with an outbox: `…Requested` is inserted with
 * the request, `…Decided` and its audit entry are written with the decision, under the
 * document's lock — so two agents deciding at once cannot both win.
 */
export interface AccountRequestDocument extends AccountRequest, OutboxFields {
  _id: string;
}

export const AccountRequestSchema = new Schema<AccountRequestDocument>(
  {
    _id: { type: String, required: true },
    requestId: { type: String, required: true },
    kind: { type: String, required: true, enum: REQUEST_KINDS },
    accountId: { type: String, required: true },
    company: { type: String, required: true },
    country: { type: String, required: true },
    status: { type: String, required: true, enum: REQUEST_STATUSES },
    requestedBy: { type: Schema.Types.Mixed, required: true },
    requestedAt: { type: Date, required: true },
    proofSerial: { type: String, required: false },
    checks: { type: Schema.Types.Mixed, required: false },
    serial: { type: String, required: false },
    reorderNumber: { type: String, required: false },
    note: { type: String, required: false },
    decision: { type: Schema.Types.Mixed, required: false },
  },
  { versionKey: false, collection: ACCOUNT_REQUESTS_COLLECTION },
);
AccountRequestSchema.plugin(outboxPlugin);
// The helpdesk queue (status, newest first) and a customer's own list.
AccountRequestSchema.index({ status: 1, requestedAt: -1 });
AccountRequestSchema.index({ accountId: 1, requestedAt: -1 });
