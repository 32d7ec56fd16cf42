import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { EventOutbox, OutgoingEvent } from '@metered/event-platform';
import { DEAD_LETTER_STATUSES, DeadLetter, DeadLetterStatus } from '../domain/dead-letter';
import { DEAD_LETTER_MODEL, DeadLetterDocument } from './dead-letter.schema';

const DUPLICATE_KEY = 11000;
/** A replay that claimed a letter and did not finish within this long was interrupted. */
const STALE_CLAIM_MS = 2 * 60_000;

export interface DeadLetterFilter {
  status?: DeadLetterStatus;
  topic?: string;
}

@Injectable()
export class DeadLettersRepository {
  constructor(
    @InjectModel(DEAD_LETTER_MODEL) private readonly letters: Model<DeadLetterDocument>,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  /** false when this parked copy was stored before (the DLQ message was delivered again). */
  async insertOnce(letter: DeadLetter): Promise<boolean> {
    const { id, ...rest } = letter;
    try {
      await this.letters.create({ _id: id, ...rest });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  async get(id: string): Promise<DeadLetter | undefined> {
    const document = await this.letters.findById(id).lean<DeadLetterDocument>().exec();
    return document ? toDeadLetter(document) : undefined;
  }

  async find(filter: DeadLetterFilter, limit: number): Promise<DeadLetter[]> {
    const query: FilterQuery<DeadLetterDocument> = {};
    if (filter.status) query.status = filter.status;
    if (filter.topic) query.originalTopic = filter.topic;
    const documents = await this.letters
      .find(query)
      .sort({ failedAt: -1 })
      .limit(limit)
      .lean<DeadLetterDocument[]>()
      .exec();
    return documents.map(toDeadLetter);
  }

  async countByStatus(): Promise<Record<DeadLetterStatus, number>> {
    const counts = await Promise.all(
      DEAD_LETTER_STATUSES.map((status) => this.letters.countDocuments({ status }).exec()),
    );
    return Object.fromEntries(
      DEAD_LETTER_STATUSES.map((status, index) => [status, counts[index]]),
    ) as Record<DeadLetterStatus, number>;
  }

  /** One replay at a time: parked (or an interrupted claim) → replaying; false when taken. */
  claimForReplay(id: string, now: Date): Promise<boolean> {
    return this.outbox.update(
      this.letters,
      {
        _id: id,
        $or: [
          { status: 'parked' },
          { status: 'replaying', claimedAt: { $lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
        ],
      },
      { $set: { status: 'replaying', claimedAt: now } },
      [],
    );
  }

  /** The publish failed: back to parked, so it can be replayed again. */
  releaseClaim(id: string): Promise<boolean> {
    return this.outbox.update(
      this.letters,
      { _id: id, status: 'replaying' },
      { $set: { status: 'parked' }, $unset: { claimedAt: 1 } },
      [],
    );
  }

  /** Replayed, with its audit event in the same write. */
  markReplayed(
    id: string,
    replayedBy: { userId: string; email: string },
    at: Date,
    events: readonly OutgoingEvent[],
  ): Promise<boolean> {
    return this.outbox.update(
      this.letters,
      { _id: id, status: 'replaying' },
      { $set: { status: 'replayed', replayedAt: at, replayedBy }, $unset: { claimedAt: 1 } },
      events,
    );
  }
}

function toDeadLetter(document: DeadLetterDocument): DeadLetter {
  return {
    id: document._id,
    deadLetterTopic: document.deadLetterTopic,
    deadLetterPartition: document.deadLetterPartition,
    deadLetterOffset: document.deadLetterOffset,
    originalTopic: document.originalTopic ?? null,
    originalPartition: document.originalPartition ?? null,
    originalOffset: document.originalOffset ?? null,
    key: document.key ?? null,
    value: document.value ?? null,
    valueEncoding: document.valueEncoding,
    headers: (document.headers ?? []).map(({ name, value }) => ({ name, value })),
    reason: document.reason,
    error: document.error ?? '',
    consumerGroup: document.consumerGroup,
    attempts: document.attempts ?? 0,
    failedAt: document.failedAt,
    truncated: document.truncated ?? false,
    status: document.status,
    receivedAt: document.receivedAt,
    replayedAt: document.replayedAt,
    replayedBy: document.replayedBy,
  };
}
