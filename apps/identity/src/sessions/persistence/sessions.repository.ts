import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EventOutbox, OutgoingEvent, withOutbox } from '@metered/event-platform';
import { RevocationReason, Session } from '../domain/session';
import { SESSION_MODEL, SessionDocument } from './session.schema';

export interface SessionChange<R> {
  session?: Session;
  events?: OutgoingEvent[];
  result: R;
}

/** Port: sign-in sessions. Revocations carry their SessionRevoked event in the same write. */
export abstract class SessionsRepository {
  /** A new session with its SessionStarted event, in one write. */
  abstract insert(session: Session, events?: OutgoingEvent[]): Promise<void>;
  abstract findById(id: string): Promise<Session | null>;
  /** Ids of the user's sessions that are neither revoked nor expired. */
  abstract activeIdsOfUser(userId: string, now: Date): Promise<string[]>;
  abstract change<R>(
    id: string,
    decide: (current: Session | null) => SessionChange<R> | Promise<SessionChange<R>>,
  ): Promise<R>;
  /** Housekeeping (no TTL indexes): removes sessions that ended before `before`. */
  abstract deleteEndedBefore(before: Date): Promise<number>;
}

@Injectable()
export class MongoSessionsRepository extends SessionsRepository {
  constructor(
    @InjectModel(SESSION_MODEL) private readonly sessions: Model<SessionDocument>,
    private readonly outbox: EventOutbox,
  ) {
    super();
  }

  async insert(session: Session, events: OutgoingEvent[] = []): Promise<void> {
    await this.outbox.insert(this.sessions, toDocument(session), events);
  }

  async findById(id: string): Promise<Session | null> {
    const document = await this.sessions.findById(id).lean<SessionDocument>().exec();
    return document ? toSession(document) : null;
  }

  async activeIdsOfUser(userId: string, now: Date): Promise<string[]> {
    const documents = await this.sessions
      .find({ userId, revokedAt: null, expiresAt: { $gt: now } }, { _id: 1 })
      .lean<Array<{ _id: string }>>()
      .exec();
    return documents.map((document) => document._id);
  }

  async change<R>(
    id: string,
    decide: (current: Session | null) => SessionChange<R> | Promise<SessionChange<R>>,
  ): Promise<R> {
    const outcome = await this.outbox.withLock(this.sessions, id, async () => {
      const change = await decide(await this.findById(id));
      if (change.session) {
        const { _id: _ignored, ...fields } = toDocument(change.session);
        await this.sessions
          .updateOne({ _id: id }, withOutbox({ $set: fields }, change.events ?? []))
          .exec();
      }
      return change;
    });
    if ((outcome.events ?? []).length > 0) this.outbox.nudge(this.sessions);
    return outcome.result;
  }

  async deleteEndedBefore(before: Date): Promise<number> {
    // Only documents whose events have left (no outboxSince), so nothing unpublished is lost.
    const result = await this.sessions
      .deleteMany({
        outboxSince: { $exists: false },
        $or: [
          { expiresAt: { $lt: before } },
          { accessTokensExpireBy: { $lt: before }, revokedAt: { $ne: null } },
        ],
      })
      .exec();
    return result.deletedCount ?? 0;
  }
}

function toDocument(session: Session): SessionDocument {
  return {
    _id: session.id,
    userId: session.userId,
    refreshTokenHash: session.refreshTokenHash,
    rotatedTokenHashes: [...session.rotatedTokenHashes],
    createdAt: session.createdAt,
    refreshedAt: session.refreshedAt,
    expiresAt: session.expiresAt,
    accessTokensExpireBy: session.accessTokensExpireBy,
    revokedAt: session.revokedAt,
    revokeReason: session.revokeReason,
  };
}

function toSession(document: SessionDocument): Session {
  return {
    id: document._id,
    userId: document.userId,
    refreshTokenHash: document.refreshTokenHash,
    rotatedTokenHashes: [...(document.rotatedTokenHashes ?? [])],
    createdAt: new Date(document.createdAt),
    refreshedAt: new Date(document.refreshedAt),
    expiresAt: new Date(document.expiresAt),
    accessTokensExpireBy: new Date(document.accessTokensExpireBy),
    revokedAt: document.revokedAt ? new Date(document.revokedAt) : null,
    revokeReason: (document.revokeReason as RevocationReason | null) ?? null,
  };
}
