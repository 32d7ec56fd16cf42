import type {
  ReadingsAcceptedPayload,
  SupplyLevelSummary,
  TelemetryReading,
} from '@metered/contracts';
import type { DeviceReadings } from './ingest-batch';
import { totalPagesOf } from './reading-checks';

/** The compact summary of a device's new readings: how many, when, and the latest levels. */
export function readingsAccepted(device: DeviceReadings): ReadingsAcceptedPayload {
  const { readings } = device;
  const last = readings[readings.length - 1];
  const totalPages = totalPagesOf(last);
  return {
    serial: device.serial,
    accountId: device.accountId,
    agentId: device.agentId,
    accepted: readings.length,
    firstReadAt: readings[0].readAt,
    lastReadAt: last.readAt,
    ...(totalPages !== undefined ? { totalPages } : {}),
    supplies: last.supplies.map(levelSummary),
  };
}

export function levelSummary(supply: TelemetryReading['supplies'][number]): SupplyLevelSummary {
  const level = supply.level ?? (supply.state === 'empty' ? 0 : -2);
  const maxCapacity = supply.maxCapacity ?? -2;
  return {
    supplyId: supply.supplyId,
    description: supply.description,
    ...(supply.reorderNumber ? { reorderNumber: supply.reorderNumber } : {}),
    level,
    maxCapacity,
    ...(level >= 0 && maxCapacity > 0
      ? { percent: Math.round((level / maxCapacity) * 1000) / 10 }
      : {}),
  };
}
