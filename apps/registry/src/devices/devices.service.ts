import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@metered/service-kit';
import { toContractSummary, toModelSummary } from '../contracts/contract-summary';
import { calendarDay, coversOn, decidingContract } from '../contracts/domain/contract';
import type { DeviceModel } from '../device-models/domain/device-model';
import { DeviceModelsRepository } from '../device-models/persistence/device-models.repository';
import type { SupplyItem } from '../supply-items/domain/supply-item';
import { toSupplyItemSummary } from '../supply-items/persistence/supply-item.mapper';
import { SupplyItemsRepository } from '../supply-items/persistence/supply-items.repository';
import type { Device } from './domain/device';
import { listedSupplyItems } from './domain/device-supply-items';
import { AccountDeviceDto, DeviceViewDto } from './dto/device-view.dto';
import { DevicesRepository } from './persistence/devices.repository';

/** Devices with their model, deciding contract, coverage today and the items that fit. */
@Injectable()
export class DevicesService {
  constructor(
    private readonly devices: DevicesRepository,
    private readonly models: DeviceModelsRepository,
    private readonly supplyItems: SupplyItemsRepository,
  ) {}

  async view(serial: string): Promise<DeviceViewDto> {
    const device = await this.devices.findBySerial(serial);
    if (!device) throw new NotFoundError(`device ${serial} not found`);
    const [view] = await this.describe([device]);
    return {
      ...view,
      country: device.country,
      contracts: device.contracts.map(toContractSummary),
      accountId: device.accountId ?? null,
    };
  }

  /** One device as its account sees it (after a helpdesk change). */
  async accountView(serial: string): Promise<AccountDeviceDto> {
    const device = await this.devices.findBySerial(serial);
    if (!device) throw new NotFoundError(`device ${serial} not found`);
    const [view] = await this.describe([device]);
    return view;
  }

  async ofAccount(accountId: string): Promise<AccountDeviceDto[]> {
    return this.describe(await this.devices.findByAccount(accountId));
  }

  private async describe(devices: Device[]): Promise<AccountDeviceDto[]> {
    const codes = devices.map((device) => device.modelCode);
    const models = await this.models.findByCodes(codes);
    const items = await this.supplyItems.findForModels(codes);
    const extras = await this.supplyItems.findByReorderNumbers(
      devices.flatMap((device) => device.extraSupplyItems),
    );
    const today = calendarDay();
    return devices.map((device) => {
      const contract = decidingContract(device.contracts, today);
      const modelItems = items.get(device.modelCode) ?? ([] as SupplyItem[]);
      return {
        serial: device.serial,
        model: toModelSummary(models.get(device.modelCode) ?? unknownModel(device.modelCode)),
        contract: contract ? toContractSummary(contract) : null,
        covered: coversOn(contract, today),
        supplyItems: offeredItems(device, modelItems, extras).map(toSupplyItemSummary),
      };
    });
  }
}

/** The model's items minus the serial's removed ones plus its extras (domain rule 5). */
export function offeredItems(
  device: Device,
  modelItems: readonly SupplyItem[],
  extras: ReadonlyMap<string, SupplyItem>,
): SupplyItem[] {
  const byNumber = new Map(modelItems.map((item) => [item.reorderNumber, item]));
  for (const [number, item] of extras) byNumber.set(number, item);
  return listedSupplyItems(
    modelItems.map((item) => item.reorderNumber),
    device,
  ).flatMap((number) => byNumber.get(number) ?? []);
}

/** Models are never deleted, so this only guards against a hand-edited database. */
function unknownModel(code: string): DeviceModel {
  return { code, name: code, family: 'office' };
}
