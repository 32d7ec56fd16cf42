import type { TelemetryReading } from '@metered/contracts';

/** The new readings of one device in one upload, in time order. */
export interface DeviceReadings {
  serial: string;
  accountId: string;
  agentId: string;
  readings: TelemetryReading[];
}

/** What derivation reads back for a `ReadingsAccepted`: the upload's readings per device. */
export interface IngestBatch {
  batchId: string;
  createdAt: Date;
  devices: DeviceReadings[];
}

/** A stored reading's key: the same device at the same moment is the same reading. */
export function readingId(serial: string, readAt: string): string {
  return `${serial}|${readAt}`;
}
