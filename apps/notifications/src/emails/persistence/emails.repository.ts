import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { EventOutbox, OutgoingEvent, withOutbox } from '@metered/event-platform';
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
 * How much of a claim must remain for "sent" to be recorded without the document lock: more
 * than the lock's own lifetime (DocumentLocks' ttlMs, 10 s) plus any clock skew between
 * replicas. See `markSent`.
 */
export const UNLOCKED_FINISH_MARGIN_MS = 30_000;

/** A claim of this replica's sender: who, and for how long. */
export interface EmailClaim {
  worker: string;
  ttlMs: number;
}

/**
 * The `emails` collection. Claims and the failure paths run under the document's lock
 * (EventOutbox.update / withLock): FerretDB applies updates as read-then-overwrite, so two
 * sender replicas would otherwise overwrite each other. "Sent" within a live claim needs
 * none (see `markSent`).
 */
interface SentToRecord {
  messageId: string;
  worker: string;
  sentAt: Date;
  events: OutgoingEvent[];
  resolve: (matched: boolean) => void;
  reject: (error: unknown) => void;
}

@Injectable()
export class EmailsRepository {
  private readonly sentToRecord: SentToRecord[] = [];
  private recordingSent = false;

  constructor(
    @InjectModel(EMAIL_MODEL) private readonly emails: Model<EmailDocument>,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  /** False when an email with this messageId is already queued (a redelivered event). */
  async enqueue(email: NewEmail, now: Date): Promise<boolean> {
    return this.insert(email, { status: 'queued', attempts: 0, nextAttemptAt: now }, now);
  }

  /**
   * Records an email that will never be sent (the recipient's cap was reached): the log shows
   * it with the reason, the bodies are not kept. False when it was already recorded.
   */
  async recordSuppressed(email: NewEmail, reason: string, now: Date): Promise<boolean> {
    const { text: _text, html: _html, ...kept } = email;
    const { messageId, ...rest } = kept;
    try {
      await this.emails.create({
        _id: messageId,
        ...rest,
        status: 'suppressed',
        attempts: 0,
        nextAttemptAt: now,
        lastError: reason,
        createdAt: now,
        failedAt: now,
      });
      return true;
    } catch (error) {
      if ((error as { code?: unknown }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  /**
   * Inserts the email already claimed by `claim.worker`, its first attempt counted, for that
   * replica's sender to hand to SMTP at once: no due-email query and no separate claim. The
   * unique messageId keeps it one email when the event is redelivered or two replicas race
   * (the loser's insert fails: undefined). Should this replica die first, the claim expires
   * and any replica's poll sends it.
   */
  async enqueueClaimed(
    email: NewEmail,
    claim: EmailClaim,
    now: Date,
  ): Promise<OutgoingEmail | undefined> {
    const claimExpiresAt = new Date(now.getTime() + claim.ttlMs);
    const inserted = await this.insert(
      email,
      {
        status: 'sending',
        attempts: 1,
        nextAttemptAt: now,
        claimedBy: claim.worker,
        claimExpiresAt,
      },
      now,
    );
    if (!inserted) return undefined;
    return { ...email, attempts: 1, claimExpiresAt };
  }

  private async insert(
    email: NewEmail,
    state: Pick<EmailDocument, 'status' | 'attempts' | 'nextAttemptAt'> &
      Partial<Pick<EmailDocument, 'claimedBy' | 'claimExpiresAt'>>,
    now: Date,
  ): Promise<boolean> {
    const { messageId, ...rest } = email;
    try {
      await this.outbox.insert(
        this.emails,
        { _id: messageId, ...rest, ...state, lastError: null, createdAt: now },
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
      return toOutgoingEmail({
        ...current,
        attempts,
        claimExpiresAt: new Date(now.getTime() + ttlMs),
      });
    });
  }

  /**
   * Sent: the log entry and its EmailSent event in one write; the bodies are dropped. False
   * when the claim had passed to another replica.
   *
   * Without the document lock while the claim has more than UNLOCKED_FINISH_MARGIN_MS left —
   * the lock exists so that no concurrent writer overwrites this read-then-overwrite update
   * on FerretDB, and at this moment none can exist:
   * - the insert is done, and this replica's claim is the only way to write the email now:
   *   every other write is the claim holder's own (retry, failed, sent) and happens after
   *   this one in this replica, or not at all;
   * - another replica claims it only after `claimExpiresAt` (by its clock), which is further
   *   away than a locked write is protected anyway: a document lock lives 10 s, the margin
   *   is 30 s (the lock's lifetime plus clock skew between replicas);
   * - the outbox relay writes a document only to remove published entries, and the email
   *   has none before this write (queued, claimed and retried emails carry no events).
   * With less of the claim left (a slow SMTP hand-over, short test claims) it takes the lock.
   * Emails sent at the same time are recorded together (see `recordSent`).
   */
  async markSent(
    email: Pick<OutgoingEmail, 'messageId' | 'claimExpiresAt'>,
    worker: string,
    sentAt: Date,
    events: OutgoingEvent[],
  ): Promise<boolean> {
    const changes = { status: 'sent' as const, sentAt };
    const left = email.claimExpiresAt.getTime() - Date.now();
    if (left <= UNLOCKED_FINISH_MARGIN_MS) {
      return this.finish(email.messageId, worker, changes, events);
    }
    return new Promise<boolean>((resolve, reject) => {
      this.sentToRecord.push({
        messageId: email.messageId,
        worker,
        sentAt,
        events,
        resolve,
        reject,
      });
      this.recordSent();
    });
  }

  /**
   * Group commit of "sent": the emails handed over while one write is on its way go together
   * in the next, one `update` command with a statement per email (no timer: a lone email is
   * written at once). Each statement is still one single-document write.
   */
  private recordSent(): void {
    if (this.recordingSent || this.sentToRecord.length === 0) return;
    this.recordingSent = true;
    const batch = this.sentToRecord.splice(0);
    void this.writeSent(batch).finally(() => {
      this.recordingSent = false;
      this.recordSent();
    });
  }

  private async writeSent(batch: SentToRecord[]): Promise<void> {
    const statements = batch.map(({ messageId, worker, sentAt, events }) => ({
      updateOne: {
        filter: { _id: messageId, status: 'sending' as const, claimedBy: worker },
        update: withOutbox(finishUpdate({ status: 'sent', sentAt }), events),
      },
    }));
    try {
      const result = await this.emails.bulkWrite(statements as never, { ordered: false });
      let matched: (item: SentToRecord) => boolean = () => true;
      if (result.matchedCount < batch.length) {
        // Some claim had passed to another replica: ours are those now carrying our sentAt.
        const stored = await this.emails
          .find({ _id: { $in: batch.map((item) => item.messageId) } }, { sentAt: 1 })
          .lean();
        const ours = new Map(stored.map((email) => [email._id, email.sentAt?.getTime()]));
        matched = (item) => ours.get(item.messageId) === item.sentAt.getTime();
      }
      if (result.matchedCount > 0) this.outbox.nudge(this.emails);
      for (const item of batch) item.resolve(matched(item));
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
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
      finishUpdate(changes),
      events,
    );
  }
}

/** The final state of an email; the bodies go (they may carry one-time links), so does the claim. */
function finishUpdate(changes: Partial<EmailDocument>) {
  return { $set: changes, $unset: { text: 1, html: 1, claimedBy: 1, claimExpiresAt: 1 } };
}

function isDue(email: EmailDocument, now: Date): boolean {
  if (email.status === 'queued') return email.nextAttemptAt.getTime() <= now.getTime();
  if (email.status === 'sending') {
    return !email.claimExpiresAt || email.claimExpiresAt.getTime() < now.getTime();
  }
  return false;
}
