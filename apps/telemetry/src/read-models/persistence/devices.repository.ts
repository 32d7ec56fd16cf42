import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EventOutbox } from '@metered/event-platform';
import type { DeviceView } from '../device-view';
import { DEVICE_VIEW } from './device-view.schema';

interface DeviceViewDocument extends Omit<DeviceView, 'serial'> {
  _id: string;
}

function toView({ _id, ...rest }: DeviceViewDocument): DeviceView {
  return { serial: _id, ...rest, items: rest.items ?? [] };
}

@Injectable()
export class DevicesRepository {
  constructor(
    @InjectModel(DEVICE_VIEW) private readonly model: Model<DeviceViewDocument>,
    private readonly outbox: EventOutbox,
  ) {}

  async find(serial: string): Promise<DeviceView | null> {
    const document = await this.model.findById(serial).lean<DeviceViewDocument>().exec();
    return document ? toView(document) : null;
  }

  /** The devices of many serials in one query (an ingest batch). */
  async findMany(serials: Iterable<string>): Promise<Map<string, DeviceView>> {
    const ids = [...new Set(serials)];
    if (ids.length === 0) return new Map();
    const documents = await this.model
      .find({ _id: { $in: ids } })
      .lean<DeviceViewDocument[]>()
      .exec();
    return new Map(documents.map((document) => [document._id, toView(document)]));
  }

  async findByAccount(accountId: string): Promise<DeviceView[]> {
    const documents = await this.model.find({ accountId }).lean<DeviceViewDocument[]>().exec();
    return documents.map(toView);
  }

  async findLinked(): Promise<DeviceView[]> {
    const documents = await this.model
      .find({ accountId: { $type: 'string' } })
      .lean<DeviceViewDocument[]>()
      .exec();
    return documents.map(toView);
  }

  /** Read-decide-write of one device under its lock; `decide` returns null to leave it. */
  change(
    serial: string,
    decide: (current: DeviceView | null) => DeviceView | null,
  ): Promise<boolean> {
    return this.outbox.withLock(this.model, serial, async () => {
      const next = decide(await this.find(serial));
      if (!next) return false;
      const { serial: id, ...fields } = next;
      const unset = Object.fromEntries(
        Object.entries(fields)
          .filter(([, value]) => value === undefined)
          .map(([key]) => [key, 1]),
      );
      const set = Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== undefined),
      );
      await this.model
        .updateOne(
          { _id: id },
          { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}) },
          { upsert: true },
        )
        .exec();
      return true;
    });
  }
}
