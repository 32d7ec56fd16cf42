import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Schema } from 'mongoose';
import {
  EventOutbox,
  newDocumentWithOutbox,
  OutgoingEvent,
  outboxPlugin,
  WITHOUT_OUTBOX_FIELDS,
  withOutbox,
} from '@metered/event-platform';
import type { ReplenishmentSettings } from '../domain/replenishment-settings';

export const SETTINGS_COLLECTION = 'replenishment_settings';
export const SETTINGS_MODEL = 'ReplenishmentSettings';

/** One account's settings; the outbox carries ReplenishmentSettingsChanged (and staff audit). */
export const SettingsSchema = new Schema(
  {
    _id: { type: String, required: true },
    autoReplenishment: { type: Boolean, required: true },
    silentAfterDays: { type: Number, required: true },
    lowLevelPercent: { type: Number, required: true },
    safetyDays: { type: Number, required: true },
    changedAt: { type: Date },
  },
  { versionKey: false, collection: SETTINGS_COLLECTION },
);
SettingsSchema.plugin(outboxPlugin);

interface SettingsDocument extends Omit<ReplenishmentSettings, 'accountId'> {
  _id: string;
}

function toSettings({
  _id,
  autoReplenishment,
  silentAfterDays,
  lowLevelPercent,
  safetyDays,
}: SettingsDocument): ReplenishmentSettings {
  return { accountId: _id, autoReplenishment, silentAfterDays, lowLevelPercent, safetyDays };
}

@Injectable()
export class SettingsRepository {
  constructor(
    @InjectModel(SETTINGS_MODEL) private readonly model: Model<SettingsDocument>,
    private readonly outbox: EventOutbox,
  ) {}

  async find(accountId: string): Promise<ReplenishmentSettings | undefined> {
    const document = await this.model
      .findById(accountId, WITHOUT_OUTBOX_FIELDS)
      .lean<SettingsDocument>()
      .exec();
    return document ? toSettings(document) : undefined;
  }

  async findMany(accountIds: Iterable<string>): Promise<Map<string, ReplenishmentSettings>> {
    const ids = [...new Set(accountIds)];
    if (ids.length === 0) return new Map();
    const documents = await this.model
      .find({ _id: { $in: ids } }, WITHOUT_OUTBOX_FIELDS)
      .lean<SettingsDocument[]>()
      .exec();
    return new Map(documents.map((document) => [document._id, toSettings(document)]));
  }

  async findAll(): Promise<ReplenishmentSettings[]> {
    const documents = await this.model
      .find({}, WITHOUT_OUTBOX_FIELDS)
      .lean<SettingsDocument[]>()
      .exec();
    return documents.map(toSettings);
  }

  /**
   * Decides the new settings from the stored ones under the account's lock and stores them
   * with their events; `decide` returns null when nothing changes.
   */
  async change(
    accountId: string,
    decide: (
      current: ReplenishmentSettings | undefined,
    ) => { next: ReplenishmentSettings; events: OutgoingEvent[] } | null,
  ): Promise<ReplenishmentSettings | undefined> {
    // Under the lock (as the relay takes it), so the write and the relay's removals never interleave.
    return this.outbox.withLock(this.model, accountId, async () => {
      const current = await this.find(accountId);
      const decision = decide(current);
      if (!decision) return current;
      const { accountId: _id, ...fields } = decision.next;
      const now = new Date();
      if (current) {
        await this.model
          .updateOne(
            { _id: accountId },
            withOutbox({ $set: { ...fields, changedAt: now } }, decision.events),
          )
          .exec();
      } else {
        await this.model.create(
          newDocumentWithOutbox({ _id: accountId, ...fields, changedAt: now }, decision.events),
        );
      }
      this.outbox.nudge(this.model);
      return decision.next;
    });
  }
}
