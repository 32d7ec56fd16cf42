import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EventOutbox } from '@metered/event-platform';
import { EMPTY_WINDOW, ThrottleWindow } from '../domain/ip-throttle';
import { REQUEST_THROTTLE_MODEL, RequestThrottleDocument } from './request-throttle.schema';

/**
 * Throttle windows in identity's database, so every replica counts the same events (an
 * in-memory throttler would give an attacker a fresh allowance per replica).
 */
@Injectable()
export class RequestThrottlesRepository {
  constructor(
    @InjectModel(REQUEST_THROTTLE_MODEL) private readonly throttles: Model<RequestThrottleDocument>,
    // Only for its per-document lock (FerretDB updates are read-then-overwrite).
    private readonly outbox: EventOutbox,
  ) {}

  async get(key: string): Promise<ThrottleWindow> {
    const document = await this.throttles.findById(key).lean<RequestThrottleDocument>().exec();
    if (!document) return EMPTY_WINDOW;
    return { count: document.count, startedAt: new Date(document.startedAt) };
  }

  update(key: string, next: (current: ThrottleWindow) => ThrottleWindow): Promise<ThrottleWindow> {
    return this.outbox.withLock(this.throttles, key, async () => {
      const updated = next(await this.get(key));
      await this.throttles
        .updateOne(
          { _id: key },
          { $set: { count: updated.count, startedAt: updated.startedAt, updatedAt: new Date() } },
          { upsert: true },
        )
        .exec();
      return updated;
    });
  }

  async deleteUntouchedSince(before: Date): Promise<number> {
    const result = await this.throttles.deleteMany({ updatedAt: { $lt: before } }).exec();
    return result.deletedCount ?? 0;
  }
}
