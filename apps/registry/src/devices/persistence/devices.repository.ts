import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { EventOutbox, OutgoingEvent, withOutbox } from '@metered/event-platform';
import type { Contract } from '../../contracts/domain/contract';
import type { Device } from '../domain/device';
import type { SupplyItemAdjustments } from '../domain/device-supply-items';
import { toContractRecords, toDevice } from './device.mapper';
import { DEVICE, DeviceDocument } from './device.schema';

/** What a decision on a locked device wants written: new field values and their events. */
export interface DeviceChange {
  modelCode?: string;
  country?: string;
  contracts?: Contract[];
  link?: { accountId: string; linkedBy: string; at: Date };
  /** Unlinks the device from its account (and forgets that account's item adjustments). */
  unlink?: true;
  supplyItems?: SupplyItemAdjustments;
  events: OutgoingEvent[];
}

@Injectable()
export class DevicesRepository {
  constructor(
    @InjectModel(DEVICE) private readonly devices: Model<DeviceDocument>,
    private readonly outbox: EventOutbox,
  ) {}

  async findBySerial(serial: string): Promise<Device | undefined> {
    const document = await this.devices.findById(serial).lean<DeviceDocument>();
    return document ? toDevice(document) : undefined;
  }

  async findBySerials(serials: readonly string[]): Promise<Map<string, Device>> {
    const unique = [...new Set(serials)];
    if (unique.length === 0) return new Map();
    const documents = await this.devices.find({ _id: { $in: unique } }).lean<DeviceDocument[]>();
    return new Map(documents.map((document) => [document.serial, toDevice(document)]));
  }

  async findByAccount(accountId: string): Promise<Device[]> {
    const documents = await this.devices
      .find({ accountId })
      .sort({ _id: 1 })
      .lean<DeviceDocument[]>();
    return documents.map(toDevice);
  }

  /** The devices of several accounts (the helpdesk's search results). */
  async findByAccounts(accountIds: readonly string[]): Promise<Device[]> {
    if (accountIds.length === 0) return [];
    const documents = await this.devices
      .find({ accountId: { $in: [...accountIds] } })
      .sort({ _id: 1 })
      .lean<DeviceDocument[]>();
    return documents.map(toDevice);
  }

  /** The serial each of these contract ids is stored under, for those that exist. */
  async serialsOfContracts(contractIds: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(contractIds)];
    if (unique.length === 0) return new Map();
    const documents = await this.devices
      .find({ 'contracts.contractId': { $in: unique } }, { _id: 1, contracts: 1 })
      .lean<Pick<DeviceDocument, '_id' | 'contracts'>[]>();
    const wanted = new Set(unique);
    const serials = new Map<string, string>();
    for (const document of documents) {
      for (const contract of document.contracts) {
        if (wanted.has(contract.contractId)) serials.set(contract.contractId, document._id);
      }
    }
    return serials;
  }

  /** A new device without contracts or account. False when the serial already exists. */
  async insert(device: Pick<Device, 'serial' | 'modelCode' | 'country'>): Promise<boolean> {
    try {
      await this.outbox.insert(
        this.devices,
        { _id: device.serial, ...device, contracts: [], updatedAt: new Date() },
        [],
      );
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  /**
   * Read-decide-write on one device under its lock (FerretDB updates are not atomic): `decide`
   * sees the current device and returns what to write — state and events in one write — or
   * undefined to leave it alone. Returns whether something was written.
   */
  async change(
    serial: string,
    decide: (device: Device | undefined) => DeviceChange | undefined,
  ): Promise<boolean> {
    const written = await this.outbox.withLock(this.devices, serial, async () => {
      const document = await this.devices.findById(serial).lean<DeviceDocument>();
      const change = decide(document ? toDevice(document) : undefined);
      if (!document || !change) return false;
      const set: Partial<DeviceDocument> = { updatedAt: new Date() };
      if (change.modelCode !== undefined) set.modelCode = change.modelCode;
      if (change.country !== undefined) set.country = change.country;
      if (change.contracts) set.contracts = toContractRecords(change.contracts);
      if (change.link) {
        set.accountId = change.link.accountId;
        set.linkedBy = change.link.linkedBy;
        set.linkedAt = change.link.at;
      }
      if (change.supplyItems) {
        set.extraSupplyItems = change.supplyItems.extraSupplyItems;
        set.removedSupplyItems = change.supplyItems.removedSupplyItems;
      }
      const update = change.unlink
        ? {
            $set: { ...set, extraSupplyItems: [], removedSupplyItems: [] },
            $unset: { accountId: '', linkedBy: '', linkedAt: '' },
          }
        : { $set: set };
      await this.devices.updateOne({ _id: serial }, withOutbox(update, change.events)).exec();
      return change.events.length > 0 ? 'with-events' : 'written';
    });
    if (written === 'with-events') this.outbox.nudge(this.devices);
    return written !== false;
  }
}
