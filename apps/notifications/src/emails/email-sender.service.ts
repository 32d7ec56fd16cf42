import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { EmailFailedEvent, EmailSentEvent } from '@metered/contracts';
import { CorrelationContext, errorMessage, EventOutbox, mapLimited } from '@metered/event-platform';
import { emailsFailed, emailsSent } from '@metered/service-kit';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../config/notifications.config';
import { classifySendError, decideAfterFailure } from './domain/delivery-policy';
import { OutgoingEmail } from './domain/email';
import { EmailsRepository } from './persistence/emails.repository';
import { SmtpMailer } from './smtp-mailer';

type Delivery = 'sent' | 'retry' | 'failed' | 'unreachable';

/**
 * Works the queue: every poll (and right after a nudge) claims due emails, a few at a time,
 * hands each to SMTP and records the outcome — sent + EmailSent, back to the queue with
 * backoff, or failed + EmailFailed. Runs in every replica; the per-email claim makes sure
 * one replica sends each email. While SMTP is unreachable emails only wait: nothing is lost.
 */
@Injectable()
export class EmailSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EmailSender.name);
  private readonly worker = randomUUID();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    @Inject(EmailsRepository) private readonly emails: EmailsRepository,
    @Inject(SmtpMailer) private readonly mailer: SmtpMailer,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.nudge(), this.config.pollIntervalMs);
    this.nudge();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Looks for due emails now; a pass already running makes one more pass afterwards. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.passes().finally(() => (this.running = undefined));
  }

  private async passes(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.sendDue();
      } catch (error) {
        // The database is unreachable: the next poll tries again.
        this.logger.warn(`email sender pass failed: ${errorMessage(error)}`);
      }
    } while (this.again && !this.stopped);
  }

  /** The due emails, `sendConcurrency` at a time (each claim is its own, so order is free). */
  private async sendDue(): Promise<void> {
    const due = await this.emails.findDue(new Date(), this.config.batchSize);
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

  /** The email's events continue the flow of the event that caused it. */
  private causedBy(email: OutgoingEmail) {
    return { correlationId: email.correlationId, causationId: email.causationEventId };
  }
}
