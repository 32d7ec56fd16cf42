import { Schema } from 'mongoose';
import { OutboxFields, outboxPlugin } from '@metered/event-platform';

export const REGISTRATIONS_COLLECTION = 'registrations';
export const REGISTRATION_MODEL = 'Registration';

export interface RegistrationDocument extends OutboxFields {
  _id: string;
  status: string;
  company: string;
  contactName: string;
  email: string;
  phone: string;
  country: string;
  shipTo: {
    line1: string;
    line2?: string;
    city: string;
    state?: string;
    postalCode: string;
    country: string;
  };
  serials: string[];
  checks: {
    checkedAt: Date;
    allEligible: boolean;
    results: object[];
  } | null;
  decision: {
    decidedBy: string;
    decidedAt: Date;
    reason?: string;
    approvedSerials?: string[];
    accountId?: string;
  } | null;
  approvalClaim?: {
    accountId: string;
    serials: string[];
    claimedBy: string;
    claimedAt: Date;
  } | null;
  /**
   * The email while the request is open, the registration id once decided. Its unique index
   * is what lets only one open request per email exist under concurrency (an insert into a
   * unique index is the one atomic check FerretDB offers); a decided request keeps a value
   * of its own so the index needs no sparse/partial support.
   */
  emailClaim: string;
  requestedAt: Date;
}

const ShipToSchema = new Schema(
  {
    line1: { type: String, required: true },
    line2: { type: String },
    city: { type: String, required: true },
    state: { type: String },
    postalCode: { type: String, required: true },
    country: { type: String, required: true },
  },
  { _id: false },
);

export const RegistrationSchema = new Schema<RegistrationDocument>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true },
    company: { type: String, required: true },
    contactName: { type: String, required: true },
    email: { type: String, required: true },
    phone: { type: String, required: true },
    country: { type: String, required: true },
    shipTo: { type: ShipToSchema, required: true },
    serials: { type: [String], required: true },
    // Written whole by identity from a validated event; kept as it came.
    checks: { type: Schema.Types.Mixed, default: null },
    decision: { type: Schema.Types.Mixed, default: null },
    approvalClaim: { type: Schema.Types.Mixed, default: null },
    emailClaim: { type: String, required: true },
    requestedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
RegistrationSchema.plugin(outboxPlugin);
RegistrationSchema.index({ emailClaim: 1 }, { unique: true });
// The validator's queue: by status, newest first.
RegistrationSchema.index({ status: 1, requestedAt: -1 });
