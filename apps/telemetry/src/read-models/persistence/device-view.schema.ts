import { Schema } from 'mongoose';

export const DEVICES_COLLECTION = 'devices';
export const DEVICE_VIEW = 'DeviceView';

/** Written whole from validated registry events. */
export const DeviceViewSchema = new Schema(
  {
    _id: { type: String, required: true },
    accountId: { type: String },
    country: { type: String },
    modelCode: { type: String },
    modelName: { type: String },
    items: { type: [Schema.Types.Mixed], default: [] },
    linkedAt: { type: Date },
    unlinkedAt: { type: Date },
  },
  { versionKey: false, collection: DEVICES_COLLECTION, minimize: false },
);
DeviceViewSchema.index({ accountId: 1 });
