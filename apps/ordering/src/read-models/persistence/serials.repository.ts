import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EventOutbox } from '@metered/event-platform';
import type { SerialView } from '../domain/serial-view';
import { SERIAL_VIEW } from './read-model.schemas';

interface SerialViewDocument extends Omit<SerialView, 'serial'> {
  _id: string;
}

function toView(document: SerialViewDocument): SerialView {
  const { _id, ...rest } = document;
  return { serial: _id, ...rest, supplyItems: rest.supplyItems ?? [] };
}

/** The port; MongoSerialsRepository below is bound to it. */
export abstract class SerialsRepository {
  abstract findBySerial(serial: string): Promise<SerialView | null>;
  abstract findByAccount(accountId: string): Promise<SerialView[]>;
  /** Bottles per carton of an item, from any serial that offers it. */
  abstract bottlesPerCartonOf(reorderNumber: string): Promise<number | undefined>;
  /** Read-decide-write of one serial under its lock; `decide` returns null to leave it. */
  abstract change(
    serial: string,
    decide: (current: SerialView | null) => SerialView | null,
  ): Promise<boolean>;
}

@Injectable()
export class MongoSerialsRepository extends SerialsRepository {
  constructor(
    @InjectModel(SERIAL_VIEW) private readonly model: Model<SerialViewDocument>,
    private readonly outbox: EventOutbox,
  ) {
    super();
  }

  async findBySerial(serial: string): Promise<SerialView | null> {
    const document = await this.model.findById(serial).lean<SerialViewDocument>();
    return document ? toView(document) : null;
  }

  async findByAccount(accountId: string): Promise<SerialView[]> {
    const documents = await this.model
      .find({ accountId })
      .sort({ _id: 1 })
      .lean<SerialViewDocument[]>();
    return documents.map(toView);
  }

  async bottlesPerCartonOf(reorderNumber: string): Promise<number | undefined> {
    const document = await this.model
      .findOne({ 'supplyItems.reorderNumber': reorderNumber })
      .lean<SerialViewDocument>();
    return document?.supplyItems.find((item) => item.reorderNumber === reorderNumber)
      ?.bottlesPerCarton;
  }

  // Only ordering's consumer writes these, one event at a time per serial; the lock keeps a
  // second replica (after a rebalance) from interleaving its read-modify-write with ours.
  change(
    serial: string,
    decide: (current: SerialView | null) => SerialView | null,
  ): Promise<boolean> {
    return this.outbox.withLock(this.model, serial, async () => {
      const next = decide(await this.findBySerial(serial));
      if (!next) return false;
      const { serial: id, ...fields } = next;
      await this.model.replaceOne({ _id: id }, { _id: id, ...fields }, { upsert: true }).exec();
      return true;
    });
  }
}
