import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EventOutbox } from '@metered/event-platform';
import { LoginAttempts, NO_ATTEMPTS } from '../domain/login-lockout';
import { LOGIN_ATTEMPT_MODEL, LoginAttemptDocument } from './login-attempt.schema';

/** Port: failed-login counters per lower-cased email. */
export abstract class LoginAttemptsRepository {
  abstract get(email: string): Promise<LoginAttempts>;
  /** Read-decide-write under the counter's lock, so parallel failures are all counted. */
  abstract update(
    email: string,
    next: (current: LoginAttempts) => LoginAttempts,
  ): Promise<LoginAttempts>;
  abstract clear(email: string): Promise<void>;
  /** Housekeeping (no TTL indexes): forgets counters untouched since `before`. */
  abstract deleteUntouchedSince(before: Date): Promise<number>;
}

@Injectable()
export class MongoLoginAttemptsRepository extends LoginAttemptsRepository {
  constructor(
    @InjectModel(LOGIN_ATTEMPT_MODEL) private readonly attempts: Model<LoginAttemptDocument>,
    // Only for its per-document lock: these documents carry no events.
    private readonly outbox: EventOutbox,
  ) {
    super();
  }

  async get(email: string): Promise<LoginAttempts> {
    const document = await this.attempts.findById(email).lean<LoginAttemptDocument>().exec();
    if (!document) return NO_ATTEMPTS;
    return {
      failures: document.failures,
      lockedUntil: document.lockedUntil ? new Date(document.lockedUntil) : null,
    };
  }

  update(email: string, next: (current: LoginAttempts) => LoginAttempts): Promise<LoginAttempts> {
    return this.outbox.withLock(this.attempts, email, async () => {
      const updated = next(await this.get(email));
      await this.attempts
        .updateOne(
          { _id: email },
          {
            $set: {
              failures: updated.failures,
              lockedUntil: updated.lockedUntil,
              updatedAt: new Date(),
            },
          },
          { upsert: true },
        )
        .exec();
      return updated;
    });
  }

  async clear(email: string): Promise<void> {
    await this.outbox.withLock(this.attempts, email, () =>
      this.attempts.deleteOne({ _id: email }).exec(),
    );
  }

  async deleteUntouchedSince(before: Date): Promise<number> {
    const result = await this.attempts.deleteMany({ updatedAt: { $lt: before } }).exec();
    return result.deletedCount ?? 0;
  }
}
