import { Schema } from 'mongoose';
import { CONTRACT_STATUSES } from '@metered/contracts';
import { OutboxFields, outboxPlugin } from '@metered/event-platform';
import type { Contract } from '../../contracts/domain/contract';

export const DEVICE = 'Device';
export const DEVICES_COLLECTION = 'devices';

type ContractRecord = Omit<Contract, 'serial'>;

/**
 * One device, keyed by serial, with its contracts embedded and an outbox. Every event about
 * a serial (`SerialAdded`, `ContractChanged`) is written by this one document, so Kafka
 * receives a serial's events in the order they happened, and each is stored in the same
 * write as its change. Writes go through EventOutbox (per-document lock).
 */
export interface DeviceDocument extends OutboxFields {
  _id: string;
  serial: string;
  modelCode: string;
  country: string;
  accountId?: string;
  linkedAt?: Date;
  /** The registration (or request) that linked the device; a redelivery finds it here. */
  linkedBy?: string;
  contracts: ContractRecord[];
  /** Per-serial item adjustments of the helpdesk (see domain/device-supply-items). */
  extraSupplyItems?: string[];
  removedSupplyItems?: string[];
  updatedAt: Date;
}

const ContractRecordSchema = new Schema<ContractRecord>(
  {
    contractId: { type: String, required: true },
    status: { type: String, required: true, enum: CONTRACT_STATUSES },
    startsOn: { type: String, required: true },
    endsOn: { type: String, required: true },
  },
  { _id: false },
);

export const DeviceSchema = new Schema<DeviceDocument>(
  {
    _id: { type: String, required: true },
    serial: { type: String, required: true },
    modelCode: { type: String, required: true },
    country: { type: String, required: true },
    accountId: { type: String, required: false },
    linkedAt: { type: Date, required: false },
    linkedBy: { type: String, required: false },
    contracts: { type: [ContractRecordSchema], default: [] },
    extraSupplyItems: { type: [String], default: [] },
    removedSupplyItems: { type: [String], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: DEVICES_COLLECTION },
);
DeviceSchema.plugin(outboxPlugin);
DeviceSchema.index({ accountId: 1 });
// Contract imports look a contract up by its id to find (and keep) its device.
DeviceSchema.index({ 'contracts.contractId': 1 });
