import { Schema } from 'mongoose';

export const REQUEST_THROTTLES_COLLECTION = 'request_throttles';
export const REQUEST_THROTTLE_MODEL = 'RequestThrottle';

/** One per `<purpose>:<client address>` with a live window (no TTL indexes: housekeeping). */
export interface RequestThrottleDocument {
  _id: string;
  count: number;
  startedAt: Date;
  updatedAt: Date;
}

export const RequestThrottleSchema = new Schema<RequestThrottleDocument>(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    startedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
RequestThrottleSchema.index({ updatedAt: 1 });
