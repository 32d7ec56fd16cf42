import { Schema } from 'mongoose';
import { PRODUCT_FAMILIES } from '@metered/contracts';
import type { DeviceModel } from '../domain/device-model';

export const DEVICE_MODEL = 'DeviceModel';
export const DEVICE_MODELS_COLLECTION = 'device_models';

/** Keyed by the model code: imports upsert by it and a twin cannot exist. */
export interface DeviceModelDocument extends DeviceModel {
  _id: string;
  updatedAt: Date;
}

export const DeviceModelSchema = new Schema<DeviceModelDocument>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    name: { type: String, required: true },
    family: { type: String, required: true, enum: PRODUCT_FAMILIES },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: DEVICE_MODELS_COLLECTION },
);
