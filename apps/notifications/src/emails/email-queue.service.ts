import { Inject, Injectable, Logger } from '@nestjs/common';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from '../config/notifications.config';
import { EmailContent, TemplateName } from '../templates/email-layout';
import { messageIdFor, OutgoingEmail } from './domain/email';
import { CAPPED_TEMPLATES, suppressionReason } from './domain/recipient-cap';
import { EmailSender } from './email-sender.service';
import { EmailsRepository, NewEmail } from './persistence/emails.repository';
import { RecipientCapsRepository } from './persistence/recipient-caps.repository';

/** The event an email answers: its id names the email, its correlation id follows the flow. */
export interface EmailCause {
  eventId: string;
  correlationId: string;
}

/**
 * What event handlers call: records the email durably and returns; the sender delivers it
 * (with retries). One email per (template, causing event, recipient): the messageId is the
 * email's `_id`, so a redelivered or raced event finds its email already there — the email
 * is its own idempotency key, even when the inbox did not record the first delivery.
 *
 * While this replica's sender has a free slot, the email is inserted already claimed by it
 * and handed straight over (one insert, then the SMTP hand-over and one write for "sent");
 * otherwise it is queued for the sender's next pass.
 *
 * Emails anyone can aim at any address (registration and reset emails, CAPPED_TEMPLATES)
 * are capped per recipient and hour; one over the cap is recorded as `suppressed` with the
 * reason (`GET /emails?status=suppressed`) and never sent.
 */
@Injectable()
export class EmailQueue {
  private readonly logger = new Logger(EmailQueue.name);

  constructor(
    @Inject(EmailsRepository) private readonly emails: EmailsRepository,
    @Inject(EmailSender) private readonly sender: EmailSender,
    @Inject(RecipientCapsRepository) private readonly caps: RecipientCapsRepository,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  /**
   * False when this email was already queued. `recipient` (a stable id such as the user id)
   * names the email when one event mails several people.
   */
  async enqueue(
    template: TemplateName,
    cause: EmailCause,
    to: string,
    content: EmailContent,
    recipient?: string,
  ): Promise<boolean> {
    const email: NewEmail = {
      messageId: messageIdFor(template, cause.eventId, recipient),
      template,
      to: to.toLowerCase(),
      ...content,
      causationEventId: cause.eventId,
      correlationId: cause.correlationId,
    };
    const now = new Date();
    if (CAPPED_TEMPLATES.has(template) && !(await this.withinCap(email, now))) return false;
    const handOver = this.sender.reserve();
    if (handOver) {
      let claimed: OutgoingEmail | undefined;
      try {
        claimed = await this.emails.enqueueClaimed(
          email,
          { worker: handOver.worker, ttlMs: handOver.claimTtlMs },
          now,
        );
      } catch (error) {
        handOver.cancel();
        throw error;
      }
      if (!claimed) {
        handOver.cancel();
        return false;
      }
      handOver.send(claimed);
      return true;
    }
    const queued = await this.emails.enqueue(email, now);
    if (queued) this.sender.nudge();
    return queued;
  }

  /** False when the recipient's cap is reached: the email is recorded as suppressed. */
  private async withinCap(email: NewEmail, now: Date): Promise<boolean> {
    const limit = this.config.maxPerRecipientPerHour;
    if (await this.caps.admit(email.to, email.messageId, now, limit)) return true;
    if (await this.emails.recordSuppressed(email, suppressionReason(limit), now)) {
      this.logger.warn(`${email.template} email ${email.messageId} suppressed: recipient cap`);
    }
    return false;
  }
}
