import { Injectable } from '@nestjs/common';
import type { DeviceModel } from './domain/device-model';
import { DeviceModelsRepository } from './persistence/device-models.repository';

/** The device models as staff read them. */
@Injectable()
export class DeviceModelsService {
  constructor(private readonly models: DeviceModelsRepository) {}

  /** Every model (Office and Production families), by code. */
  list(): Promise<DeviceModel[]> {
    return this.models.findAll();
  }
}
