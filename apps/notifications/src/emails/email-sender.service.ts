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
 * Works the queue: right after a nudge (an email was queued in this process) and at each
 * poll it claims due emails, a few at a time, hands each to SMTP and records the outcome —
 * sent + EmailSent, back to the queue with backoff, or failed + EmailFailed. Runs in every
 * replica; the per-email claim makes sure one replica sends each email. While SMTP is
 * unreachable emails only wait: nothing is lost.
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
    await this.running;
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

  /** The due emails, `sendConcurrency` at a time (each claim is its own, so order is free). */
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
      if (this.stopped || unreachable) return;
      const email = await this.emails.claim(
        messageId,
        this.worker,
        new Date(),
        this.config.claimTtlMs,
      );
      if (!email) return;
      // Log lines of the delivery carry the flow's ids (correlationId, the causing eventId).
      const ids = { ...this.causedBy(email), eventId: email.causationEventId };
      if ((await CorrelationContext.run(ids, () => this.deliver(email))) === 'unreachable')
        unreachable = true;
    });
    return due.length;
  }

  private async deliver(email: OutgoingEmail): Promise<Delivery> {
    try {
      await this.mailer.send(email);
    } catch (error) {
      return this.recordFailure(email, error);
    }
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
    if (!(await this.emails.markSent(email.messageId, this.worker, sentAt, [event]))) {
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
