import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EventOutbox, OutgoingEvent, withOutbox } from '@metered/event-platform';
import { User } from '../domain/user';
import { toUser, toUserDocument } from './user.mapper';
import { UserDocument, USER_MODEL } from './user.schema';

/** The outcome of a locked read-decide-write: the new state (if any), its events, a result. */
export interface UserChange<R> {
  user?: User;
  events?: OutgoingEvent[];
  result: R;
}

/** Port: how the users feature stores users. Every write carries its events (outbox). */
/** Exact matches: `email` lower-cased. */
export interface UserFilter {
  accountId?: string;
  email?: string;
}

export abstract class UsersRepository {
  abstract findById(id: string): Promise<User | null>;
  abstract findByEmail(email: string): Promise<User | null>;
  abstract findByLinkTokenHash(tokenHash: string): Promise<User | null>;
  /** Oldest first; every filter given must match. */
  abstract list(filter?: UserFilter): Promise<User[]>;
  /** Inserts a new user with its first events; throws DuplicateUserError on a taken email or id. */
  abstract insert(user: User, events: OutgoingEvent[]): Promise<void>;
  /** Runs `decide` on the current user with nobody else writing it meanwhile, then saves. */
  abstract change<R>(
    id: string,
    decide: (current: User | null) => Promise<UserChange<R>>,
  ): Promise<R>;
}

export class DuplicateUserError extends Error {}

@Injectable()
export class MongoUsersRepository extends UsersRepository {
  constructor(
    @InjectModel(USER_MODEL) private readonly users: Model<UserDocument>,
    private readonly outbox: EventOutbox,
  ) {
    super();
  }

  async findById(id: string): Promise<User | null> {
    const document = await this.users.findById(id).lean<UserDocument>().exec();
    return document ? toUser(document) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const document = await this.users.findOne({ email }).lean<UserDocument>().exec();
    return document ? toUser(document) : null;
  }

  async findByLinkTokenHash(tokenHash: string): Promise<User | null> {
    const document = await this.users
      .findOne({ 'accessLink.tokenHash': tokenHash })
      .lean<UserDocument>()
      .exec();
    return document ? toUser(document) : null;
  }

  async list(filter: UserFilter = {}): Promise<User[]> {
    const documents = await this.users
      .find({ ...filter })
      .sort({ createdAt: 1 })
      .lean<UserDocument[]>()
      .exec();
    return documents.map(toUser);
  }

  async insert(user: User, events: OutgoingEvent[]): Promise<void> {
    try {
      await this.outbox.insert(this.users, toUserDocument(user), events);
    } catch (error) {
      if ((error as { code?: number }).code === 11000) throw new DuplicateUserError(user.email);
      throw error;
    }
  }

  async change<R>(
    id: string,
    decide: (current: User | null) => Promise<UserChange<R>>,
  ): Promise<R> {
    const outcome = await this.outbox.withLock(this.users, id, async () => {
      const current = await this.findById(id);
      const change = await decide(current);
      if (change.user) {
        const { _id: _ignored, ...fields } = toUserDocument(change.user);
        await this.users
          .updateOne({ _id: id }, withOutbox({ $set: fields }, change.events ?? []))
          .exec();
      }
      return change;
    });
    if ((outcome.events ?? []).length > 0) this.outbox.nudge(this.users);
    return outcome.result;
  }
}
