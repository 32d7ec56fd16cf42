import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  DocumentLocks,
  EventOutbox,
  OutgoingEvent,
  WITHOUT_OUTBOX_FIELDS,
  withOutbox,
} from '@metered/event-platform';
import { type DeviceState, emptyDeviceState } from '../domain/device-state';
import { DEVICE_STATE_MODEL } from './device-state.schema';

interface DeviceStateDocument extends Omit<DeviceState, 'serial' | 'lastReadAt'> {
  _id: string;
  lastReadAt?: Date;
}

function toState({ _id, lastReadAt, ...rest }: DeviceStateDocument): DeviceState {
  return {
    ...emptyDeviceState(_id, rest.accountId),
    ...rest,
    serial: _id,
    ...(lastReadAt ? { lastReadAt: lastReadAt.toISOString() } : {}),
  };
}

function fieldsOf(state: DeviceState): Record<string, unknown> {
  const { serial: _serial, lastReadAt, ...rest } = state;
  return {
    ...rest,
    ...(lastReadAt ? { lastReadAt: new Date(lastReadAt) } : {}),
    updatedAt: new Date(),
  };
}

/**
 * Update statements per bulk write: FerretDB 1.24 holds a connection per statement until the
 * whole command has run (see the event platform's REMOVALS_PER_COMMAND).
 */
export const STATE_WRITES_PER_COMMAND = 8;

export interface StateWrite {
  state: DeviceState;
  events: OutgoingEvent[];
}

@Injectable()
export class DeviceStatesRepository {
  constructor(
    @InjectModel(DEVICE_STATE_MODEL) private readonly model: Model<DeviceStateDocument>,
    private readonly outbox: EventOutbox,
    private readonly locks: DocumentLocks,
  ) {}

  async findMany(serials: Iterable<string>): Promise<Map<string, DeviceState>> {
    const ids = [...new Set(serials)];
    if (ids.length === 0) return new Map();
    const documents = await this.model
      .find({ _id: { $in: ids } }, WITHOUT_OUTBOX_FIELDS)
      .lean<DeviceStateDocument[]>()
      .exec();
    return new Map(documents.map((document) => [document._id, toState(document)]));
  }

  async findByAccount(accountId: string): Promise<DeviceState[]> {
    const documents = await this.model
      .find({ accountId }, { ...WITHOUT_OUTBOX_FIELDS, domain: 0 })
      .lean<DeviceStateDocument[]>()
      .exec();
    return documents.map(toState);
  }

  async find(serial: string): Promise<DeviceState | undefined> {
    return (await this.findMany([serial])).get(serial);
  }

  /**
   * Writes many devices' states with their events: the free documents' locks in one insert,
   * the updates in bulk writes of STATE_WRITES_PER_COMMAND, the locks released in one delete;
   * a document whose lock the relay holds is written alone once it is free.
   */
  async writeMany(writes: readonly StateWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const bySerial = new Map(writes.map((write) => [write.state.serial, write]));
    const operation = ({ state, events }: StateWrite) => ({
      updateOne: {
        filter: { _id: state.serial },
        update: withOutbox({ $set: fieldsOf(state) }, events),
        upsert: true,
      },
    });
    const collection = this.model.collection.collectionName;
    const outcome = await this.locks.withFreeLocks(
      collection,
      [...bySerial.keys()],
      async (locked) => {
        for (let start = 0; start < locked.length; start += STATE_WRITES_PER_COMMAND) {
          const chunk = locked
            .slice(start, start + STATE_WRITES_PER_COMMAND)
            .map((serial) => operation(bySerial.get(serial)!));
          await this.model.collection.bulkWrite(chunk as never, { ordered: false });
        }
      },
    );
    for (const serial of outcome.busy) {
      const write = bySerial.get(serial)!;
      await this.locks.withLock(collection, serial, () =>
        this.model.collection.updateOne(
          { _id: serial } as never,
          operation(write).updateOne.update as never,
          { upsert: true },
        ),
      );
    }
    if (writes.some((write) => write.events.length > 0)) this.outbox.nudge(this.model);
  }

  /** Every device state (for the silence sweep): serial, account and last reading only. */
  async lastReadings(): Promise<Array<{ serial: string; accountId: string; lastReadAt?: string }>> {
    const documents = await this.model
      .find({}, { accountId: 1, lastReadAt: 1 })
      .lean<Array<{ _id: string; accountId: string; lastReadAt?: Date }>>()
      .exec();
    return documents.map((document) => ({
      serial: document._id,
      accountId: document.accountId,
      ...(document.lastReadAt ? { lastReadAt: document.lastReadAt.toISOString() } : {}),
    }));
  }
}
