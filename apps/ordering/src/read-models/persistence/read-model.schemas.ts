import { Schema } from 'mongoose';

export const SERIALS_COLLECTION = 'serials';
export const SERIAL_VIEW = 'SerialView';
export const ACCOUNTS_COLLECTION = 'accounts';
export const ACCOUNT_VIEW = 'AccountView';

/**
 * Read models are written whole from validated events (the contracts' classes check them),
 * so nested parts are kept as they came (Mixed) rather than re-declared here.
 */
export const SerialViewSchema = new Schema(
  {
    _id: { type: String, required: true },
    accountId: { type: String },
    country: { type: String },
    model: { type: Schema.Types.Mixed },
    shipTo: { type: Schema.Types.Mixed },
    supplyItems: { type: [Schema.Types.Mixed], default: [] },
    contract: { type: Schema.Types.Mixed },
    contractAsOf: { type: Date },
    linkedAt: { type: Date },
    unlinkedAt: { type: Date },
    itemChanges: { type: [Schema.Types.Mixed], default: undefined },
  },
  { versionKey: false, collection: SERIALS_COLLECTION, minimize: false },
);
SerialViewSchema.index({ accountId: 1 });
SerialViewSchema.index({ 'supplyItems.reorderNumber': 1 });

export const AccountViewSchema = new Schema(
  {
    _id: { type: String, required: true },
    // Absent while only an address change has arrived (see AccountRecord).
    company: { type: String },
    country: { type: String },
    shipTo: { type: Schema.Types.Mixed, required: true },
    approvedAt: { type: Date },
    shipToAsOf: { type: Date },
  },
  { versionKey: false, collection: ACCOUNTS_COLLECTION },
);
