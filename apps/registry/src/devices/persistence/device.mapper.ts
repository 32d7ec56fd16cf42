import type { Contract } from '../../contracts/domain/contract';
import type { Device } from '../domain/device';
import type { DeviceDocument } from './device.schema';

export function toDevice(document: DeviceDocument): Device {
  return {
    serial: document.serial,
    modelCode: document.modelCode,
    country: document.country,
    ...(document.accountId ? { accountId: document.accountId } : {}),
    ...(document.linkedAt ? { linkedAt: document.linkedAt } : {}),
    contracts: (document.contracts ?? []).map((contract) => ({
      contractId: contract.contractId,
      serial: document.serial,
      status: contract.status,
      startsOn: contract.startsOn,
      endsOn: contract.endsOn,
    })),
    extraSupplyItems: [...(document.extraSupplyItems ?? [])],
    removedSupplyItems: [...(document.removedSupplyItems ?? [])],
  };
}

/** Contracts as stored inside their device (the serial is the document's). */
export function toContractRecords(contracts: readonly Contract[]): DeviceDocument['contracts'] {
  return contracts.map(({ contractId, status, startsOn, endsOn }) => ({
    contractId,
    status,
    startsOn,
    endsOn,
  }));
}
