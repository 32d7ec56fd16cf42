import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { EventOutbox, OutgoingEvent } from '@metered/event-platform';
import { EmailLogEntry, EmailStatus, OutgoingEmail } from '../domain/email';
import { toLogEntry, toOutgoingEmail } from './email.mapper';
import { EMAIL_MODEL, EmailDocument } from './email.schema';

export interface NewEmail {
  messageId: string;
  template: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  causationEventId: string;
  correlationId: string;
}

export interface EmailLogFilter {
  to?: string;
  template?: string;
  status?: EmailStatus;
}

const DUPLICATE_KEY = 11000;

/**
 * The `emails` collection. Every change after the insert runs under the document's lock
 * (EventOutbox.update / withLock): FerretDB applies updates as read-then-overwrite, so two
 * sender replicas — or a sender and the outbox relay — would otherwise overwrite each other.
 */
@Injectable()
export class EmailsRepository {
  constructor(
    @InjectModel(EMAIL_MODEL) private readonly emails: Model<EmailDocument>,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  /** False when an email with this messageId is already queued (a redelivered event). */
  async enqueue(email: NewEmail, now: Date): Promise<boolean> {
    const { messageId, ...rest } = email;
    try {
      await this.outbox.insert(
        this.emails,
        {
          _id: messageId,
          ...rest,
          status: 'queued',
          attempts: 0,
          lastError: null,
          nextAttemptAt: now,
          createdAt: now,
        },
        [],
      );
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  /**
   * Queued emails that are due, and claims of crashed senders that ran out, oldest first.
   * Two queries with an equality on `status` each: FerretDB hands those to PostgreSQL (an
   * index lookup) and checks the time in what comes back; a top-level `$or` would make it
   * read every email ever sent on each poll. Not sorted by the database: FerretDB would read
   * the whole queue to sort it; unsorted it stops at `limit` (sorted here instead).
   */
  async findDue(now: Date, limit: number): Promise<string[]> {
    const [queued, expiredClaims] = await Promise.all([
      this.emails
        .find({ status: 'queued', nextAttemptAt: { $lte: now } }, { _id: 1, nextAttemptAt: 1 })
        .limit(limit)
        .lean(),
      this.emails
        .find({ status: 'sending', claimExpiresAt: { $lt: now } }, { _id: 1, nextAttemptAt: 1 })
        .limit(limit)
        .lean(),
    ]);
    return [...queued, ...expiredClaims]
      .sort((a, b) => new Date(a.nextAttemptAt).getTime() - new Date(b.nextAttemptAt).getTime())
      .slice(0, limit)
      .map((email) => email._id);
  }

  /**
   * Takes a due email for `worker`, counting the attempt; undefined when another replica
   * took it first or it is no longer due. Read and write happen under the lock, so exactly
   * one claimant wins.
   */
  claim(
    messageId: string,
    worker: string,
    now: Date,
    ttlMs: number,
  ): Promise<OutgoingEmail | undefined> {
    return this.outbox.withLock(this.emails, messageId, async () => {
      const current = await this.emails.findById(messageId).lean();
      if (!current || !isDue(current, now)) return undefined;
      const attempts = current.attempts + 1;
      await this.emails.updateOne(
        { _id: messageId },
        {
          $set: {
            status: 'sending',
            attempts,
            claimedBy: worker,
            claimExpiresAt: new Date(now.getTime() + ttlMs),
          },
        },
      );
      return toOutgoingEmail({ ...current, attempts });
    });
  }

  /** Sent: the log entry and its EmailSent event in one write; the bodies are dropped. */
  markSent(messageId: string, worker: string, sentAt: Date, events: OutgoingEvent[]) {
    return this.finish(messageId, worker, { status: 'sent', sentAt }, events);
  }

  markFailed(
    messageId: string,
    worker: string,
    failedAt: Date,
    error: string,
    events: OutgoingEvent[],
  ) {
    return this.finish(messageId, worker, { status: 'failed', failedAt, lastError: error }, events);
  }

  /** Back to the queue until `retryAt`; false when the claim was lost meanwhile. */
  markForRetry(messageId: string, worker: string, retryAt: Date, error: string): Promise<boolean> {
    return this.outbox.update(
      this.emails,
      { _id: messageId, status: 'sending', claimedBy: worker },
      {
        $set: { status: 'queued', nextAttemptAt: retryAt, lastError: error },
        $unset: { claimedBy: 1, claimExpiresAt: 1 },
      },
      [],
    );
  }

  /** The delivery log, newest first. */
  async list(filter: EmailLogFilter, limit: number): Promise<EmailLogEntry[]> {
    const query: FilterQuery<EmailDocument> = {};
    if (filter.to) query.to = filter.to;
    if (filter.template) query.template = filter.template;
    if (filter.status) query.status = filter.status;
    const documents = await this.emails
      .find(query, { text: 0, html: 0, outbox: 0 })
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean();
    return documents.map((document) => toLogEntry(document));
  }

  private finish(
    messageId: string,
    worker: string,
    changes: Partial<EmailDocument>,
    events: OutgoingEvent[],
  ): Promise<boolean> {
    return this.outbox.update(
      this.emails,
      { _id: messageId, status: 'sending', claimedBy: worker },
      { $set: changes, $unset: { text: 1, html: 1, claimedBy: 1, claimExpiresAt: 1 } },
      events,
    );
  }
}

function isDue(email: EmailDocument, now: Date): boolean {
  if (email.status === 'queued') return email.nextAttemptAt.getTime() <= now.getTime();
  if (email.status === 'sending') {
    return !email.claimExpiresAt || email.claimExpiresAt.getTime() < now.getTime();
  }
  return false;
}
