import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { DeviceModel } from '../domain/device-model';
import { toDeviceModel, toDeviceModelDocument } from './device-model.mapper';
import { DEVICE_MODEL, DeviceModelDocument } from './device-model.schema';

export abstract class DeviceModelsRepository {
  /** Every model, by code. */
  abstract findAll(): Promise<DeviceModel[]>;
  /** Models by code; unknown codes are absent. */
  abstract findByCodes(codes: readonly string[]): Promise<Map<string, DeviceModel>>;
  abstract findByCode(code: string): Promise<DeviceModel | undefined>;
  /** Master data has one writer (the admin's import), so a plain upsert is enough. */
  abstract save(model: DeviceModel, now?: Date): Promise<void>;
}

@Injectable()
export class MongoDeviceModelsRepository extends DeviceModelsRepository {
  constructor(@InjectModel(DEVICE_MODEL) private readonly models: Model<DeviceModelDocument>) {
    super();
  }

  async findAll(): Promise<DeviceModel[]> {
    const documents = await this.models.find().sort({ _id: 1 }).lean<DeviceModelDocument[]>();
    return documents.map(toDeviceModel);
  }

  async findByCodes(codes: readonly string[]): Promise<Map<string, DeviceModel>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const documents = await this.models
      .find({ _id: { $in: unique } })
      .lean<DeviceModelDocument[]>();
    return new Map(documents.map((document) => [document.code, toDeviceModel(document)]));
  }

  async findByCode(code: string): Promise<DeviceModel | undefined> {
    return (await this.findByCodes([code])).get(code);
  }

  async save(model: DeviceModel, now = new Date()): Promise<void> {
    await this.models
      .replaceOne({ _id: model.code }, toDeviceModelDocument(model, now), { upsert: true })
      .exec();
  }
}
