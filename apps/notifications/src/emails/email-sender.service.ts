import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { EmailFailedEvent, EmailSentEvent } from '@metered/contracts';
import {
  CorrelationContext,
  errorMessage,
  EventOutbox,
  IdlePollSchedule,
  mapLimited,
} from '@metered/event-platform';
import { emailsFailed, emailsSent } from '@metered/service-kit';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../config/notifications.config';
import { classifySendError, decideAfterFailure } from './domain/delivery-policy';
import { OutgoingEmail } from './domain/email';
import { EmailsRepository } from './persistence/emails.repository';
import { SmtpMailer } from './smtp-mailer';

type Delivery = 'sent' | 'retry' | 'failed' | 'unreachable';

/**
 * The claim of an email inserted for an immediate hand-over: shorter than a poll's claim, so
 * that what a crashed replica had just inserted is sent by another within about a minute
 * (its hand-over starts at once; SMTP's own timeouts end it well within this), yet longer
 * than twice the margin `markSent` needs to record "sent" without the lock.
 */
export const HAND_OVER_CLAIM_TTL_MS = 60_000;

/**
 * A free sending slot, taken for an email this replica is about to insert already claimed;
 * `send` hands the inserted email over, `cancel` gives the slot back (nothing was inserted).
 */
export interface HandOver {
  readonly worker: string;
  readonly claimTtlMs: number;
  send(email: OutgoingEmail): void;
  cancel(): void;
}

/**
 * Hands emails to SMTP and records the outcome — sent + EmailSent, back to the queue with
 * backoff, or failed + EmailFailed. Runs in every replica. While SMTP is unreachable emails
 * only wait: nothing is lost.
 *
 * The usual way in is `reserve()`: an email queued by this process is inserted already
 * claimed by it and handed over at once — no due-email query, no separate claim. At most
 * `sendConcurrency` emails are claimed by this replica and not yet handed to SMTP, however
 * they came, so a crash leaves at most that many waiting for their claims to expire. When
 * no slot is free, or SMTP was just found unreachable, the email is inserted queued and the
 * queue is worked as before: right after a nudge and at each poll the sender claims due
 * emails, a few at a time (the per-email claim makes sure one replica sends each).
 *
 * Polls come every `pollIntervalMs` while there is work, then further apart up to
 * `idlePollMaxMs` (an idle queue costs two queries per safety poll, not two a second); a
 * retry this replica scheduled wakes it at its time. The safety poll is for what no nudge
 * announces: claims of a crashed replica that ran out, retries another replica scheduled.
 */
@Injectable()
export class EmailSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EmailSender.name);
  private readonly worker = randomUUID();
  private readonly schedule: IdlePollSchedule;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  /** The earliest retry this replica scheduled and has not yet polled for. */
  private retryDueAt?: number;
  /** Queries for due emails so far (each pass makes one pair); idle cost is counted in tests. */
  private passCount = 0;
  private nextPoll?: Date;
  /** Emails claimed by this replica and not yet handed to SMTP (or being handed). */
  private slotsInUse = 0;
  private readonly slotWaiters: (() => void)[] = [];
  /** Hand-overs under way, awaited at shutdown. */
  private readonly handOvers = new Set<Promise<unknown>>();
  /** The last hand-over found SMTP unreachable: queue instead of claiming until one succeeds. */
  private smtpUnreachable = false;

  constructor(
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(EmailsRepository) private readonly emails: EmailsRepository,
    @Inject(SmtpMailer) private readonly mailer: SmtpMailer,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {
    this.schedule = new IdlePollSchedule(
      config.pollIntervalMs,
      Math.max(config.pollIntervalMs, config.idlePollMaxMs),
    );
  }

  onApplicationBootstrap(): void {
    this.nudge();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const wake of this.slotWaiters.splice(0)) wake();
    await Promise.all([this.running, ...this.handOvers]);
  }

  /**
   * A slot to insert an email already claimed by this replica and hand it to SMTP at once;
   * undefined when all `sendConcurrency` slots are busy or queued emails wait for one, SMTP was
   * just unreachable or the sender is stopping (then queue the email and `nudge()`).
   */
  reserve(): HandOver | undefined {
    if (this.stopped || this.smtpUnreachable) return undefined;
    if (this.slotsInUse >= this.config.sendConcurrency) return undefined;
    // Queued emails waiting for a slot go first: a new email queues behind them.
    if (this.slotWaiters.length > 0) return undefined;
    this.slotsInUse++;
    let settled = false;
    const settle = () => {
      if (settled) return false;
      settled = true;
      return true;
    };
    return {
      worker: this.worker,
      claimTtlMs: Math.min(this.config.claimTtlMs, HAND_OVER_CLAIM_TTL_MS),
      send: (email) => {
        if (!settle()) return;
        const release = this.slotRelease();
        const handOver = this.deliverClaimed(email, release)
          .catch((error: unknown) => {
            // Database trouble after the claim: the claim expires and a poll sends it.
            this.logger.warn(`${email.messageId}: hand-over failed: ${errorMessage(error)}`);
          })
          .finally(() => {
            this.handOvers.delete(handOver);
            release();
          });
        this.handOvers.add(handOver);
      },
      cancel: () => {
        if (settle()) this.releaseSlot();
      },
    };
  }

  /** Passes over the due emails made so far (one pair of queries each). */
  get passesTotal(): number {
    return this.passCount;
  }

  /** When the sender looks for due emails next unless nudged first; undefined while it works. */
  get nextPollAt(): Date | undefined {
    return this.nextPoll;
  }

  /** Looks for due emails now; a pass already running makes one more pass afterwards. */
  nudge(): void {
    if (this.stopped) return;
    this.schedule.busy();
    this.work();
  }

  private work(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.nextPoll = undefined;
    this.running = this.passes().then((found) => {
      this.running = undefined;
      // A nudge that came after the last pass had looked is not lost: one more pass.
      if (this.again) this.work();
      else this.scheduleNextPoll(found);
    });
  }

  /** Passes until no nudge came meanwhile; whether any pass found due emails. */
  private async passes(): Promise<boolean> {
    let found = false;
    do {
      this.again = false;
      try {
        found = (await this.sendDue()) > 0 || found;
      } catch (error) {
        // The database is unreachable: the next poll tries again.
        this.logger.warn(`email sender pass failed: ${errorMessage(error)}`);
        found = true;
      }
    } while (this.again && !this.stopped);
    return found;
  }

  private scheduleNextPoll(found: boolean): void {
    if (this.stopped) return;
    let delay = found ? this.schedule.busy() : this.schedule.quiet();
    if (this.retryDueAt !== undefined) delay = Math.min(delay, this.retryDueAt - Date.now());
    delay = Math.max(0, delay);
    this.nextPoll = new Date(Date.now() + delay);
    this.timer = setTimeout(() => this.work(), delay);
  }

  /** Waits for a free slot; false when the sender stopped meanwhile. */
  private async takeSlot(): Promise<boolean> {
    while (this.slotsInUse >= this.config.sendConcurrency) {
      if (this.stopped) return false;
      await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    }
    if (this.stopped) return false;
    this.slotsInUse++;
    return true;
  }

  private releaseSlot(): void {
    this.slotsInUse--;
    this.slotWaiters.shift()?.();
  }

  /** Gives the slot back once, however many of its paths call it. */
  private slotRelease(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.releaseSlot();
    };
  }

  /**
   * Delivers a claimed email; `handedOver` is called as soon as the SMTP server accepted it,
   * before "sent" is recorded: a slot bounds the emails not yet handed to SMTP, and under a
   * busy database the write would otherwise hold the slot longer than SMTP does.
   */
  private async deliverClaimed(email: OutgoingEmail, handedOver: () => void): Promise<Delivery> {
    // Log lines of the delivery carry the flow's ids (correlationId, the causing eventId).
    const ids = { ...this.causedBy(email), eventId: email.causationEventId };
    const delivery = await CorrelationContext.run(ids, () => this.deliver(email, handedOver));
    this.smtpUnreachable = delivery === 'unreachable';
    return delivery;
  }

  /**
   * The due emails, `sendConcurrency` at a time (each claim is its own, so order is free),
   * sharing the slots with the emails handed over at insert.
   */
  private async sendDue(): Promise<number> {
    const now = new Date();
    if (this.retryDueAt !== undefined && this.retryDueAt <= now.getTime()) {
      this.retryDueAt = undefined;
    }
    this.passCount++;
    const due = await this.emails.findDue(now, this.config.batchSize);
    let unreachable = false;
    await mapLimited(due, this.config.sendConcurrency, async (messageId) => {
      // No server, no point trying the rest now: they stay due for the next pass.
      if (this.stopped || unreachable || !(await this.takeSlot())) return;
      const release = this.slotRelease();
      try {
        if (unreachable) return;
        const email = await this.emails.claim(
          messageId,
          this.worker,
          new Date(),
          this.config.claimTtlMs,
        );
        if (!email) return;
        if ((await this.deliverClaimed(email, release)) === 'unreachable') unreachable = true;
      } finally {
        release();
      }
    });
    return due.length;
  }

  private async deliver(email: OutgoingEmail, handedOver: () => void): Promise<Delivery> {
    try {
      await this.mailer.send(email);
    } catch (error) {
      return this.recordFailure(email, error);
    }
    handedOver();
    const sentAt = new Date();
    const event = this.outbox.create(
      EmailSentEvent,
      {
        messageId: email.messageId,
        template: email.template,
        to: email.to,
        causationEventId: email.causationEventId,
        sentAt: sentAt.toISOString(),
      },
      this.causedBy(email),
    );
    if (!(await this.emails.markSent(email, this.worker, sentAt, [event]))) {
      this.logger.warn(`${email.messageId} was sent but its claim had passed to another sender`);
    }
    emailsSent.inc({ template: email.template });
    this.logger.log(`${email.messageId} sent to the SMTP server (attempt ${email.attempts})`);
    return 'sent';
  }

  private async recordFailure(email: OutgoingEmail, error: unknown): Promise<Delivery> {
    const failure = classifySendError(error);
    const now = new Date();
    const decision = decideAfterFailure(failure, email.attempts, this.config.delivery, now);
    if (decision.action === 'retry') {
      await this.emails.markForRetry(
        email.messageId,
        this.worker,
        decision.retryAt,
        failure.message,
      );
      this.wakeAt(decision.retryAt);
      this.logger.warn(
        `${email.messageId}: attempt ${email.attempts} failed (${failure.kind}: ${failure.message}); next at ${decision.retryAt.toISOString()}`,
      );
      return failure.kind === 'unreachable' ? 'unreachable' : 'retry';
    }
    const event = this.outbox.create(
      EmailFailedEvent,
      {
        messageId: email.messageId,
        template: email.template,
        to: email.to,
        causationEventId: email.causationEventId,
        error: failure.message,
        attempts: email.attempts,
        failedAt: now.toISOString(),
      },
      this.causedBy(email),
    );
    await this.emails.markFailed(email.messageId, this.worker, now, failure.message, [event]);
    emailsFailed.inc({ template: email.template });
    this.logger.error(
      `${email.messageId} failed after ${email.attempts} attempt(s): ${failure.message}`,
    );
    return 'failed';
  }

  /** Polls again when a retry of ours comes due, however idle the queue is otherwise. */
  private wakeAt(retryAt: Date): void {
    const at = retryAt.getTime();
    if (this.retryDueAt === undefined || at < this.retryDueAt) this.retryDueAt = at;
  }

  /** The email's events continue the flow of the event that caused it. */
  private causedBy(email: OutgoingEmail) {
    return { correlationId: email.correlationId, causationId: email.causationEventId };
  }
}
