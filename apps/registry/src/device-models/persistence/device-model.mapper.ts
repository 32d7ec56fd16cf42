import type { DeviceModel } from '../domain/device-model';
import type { DeviceModelDocument } from './device-model.schema';

export function toDeviceModel(document: DeviceModelDocument): DeviceModel {
  return { code: document.code, name: document.name, family: document.family };
}

export function toDeviceModelDocument(model: DeviceModel, now: Date): DeviceModelDocument {
  return { _id: model.code, ...model, updatedAt: now };
}
