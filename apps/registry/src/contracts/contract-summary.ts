import type { ContractSummary, DeviceModelSummary } from '@metered/contracts';
import type { DeviceModel } from '../device-models/domain/device-model';
import type { Contract } from './domain/contract';

/** A contract as events and API answers show it (the serial is the device's). */
export function toContractSummary(contract: Contract): ContractSummary {
  return {
    contractId: contract.contractId,
    status: contract.status,
    startsOn: contract.startsOn,
    endsOn: contract.endsOn,
  };
}

export function toModelSummary(model: DeviceModel): DeviceModelSummary {
  return { code: model.code, name: model.name, family: model.family };
}
