import { Schema } from 'mongoose';
import { OutboxFields, outboxPlugin } from '@metered/event-platform';
import type { SerialCheck } from '../domain/serial-check';

export const SERIAL_CHECK = 'SerialCheck';
export const SERIAL_CHECKS_COLLECTION = 'serial_checks';

/**
 * The checks of one registration request, keyed by registrationId, written once together
 * with its `SerialsValidated` event: a redelivered request hits the duplicate key and
 * publishes nothing new.
 */
export interface SerialCheckDocument extends OutboxFields {
  _id: string;
  registrationId: string;
  country: string;
  results: SerialCheck[];
  allEligible: boolean;
  checkedAt: Date;
  /** The RegistrationRequested event that caused the checks. */
  requestEventId: string;
}

export const SerialCheckSchema = new Schema<SerialCheckDocument>(
  {
    _id: { type: String, required: true },
    registrationId: { type: String, required: true },
    country: { type: String, required: true },
    results: { type: Schema.Types.Mixed, required: true },
    allEligible: { type: Boolean, required: true },
    checkedAt: { type: Date, required: true },
    requestEventId: { type: String, required: true },
  },
  { versionKey: false, collection: SERIAL_CHECKS_COLLECTION },
);
SerialCheckSchema.plugin(outboxPlugin);
