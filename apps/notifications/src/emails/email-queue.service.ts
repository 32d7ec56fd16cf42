import { Inject, Injectable } from '@nestjs/common';
import { EmailContent, TemplateName } from '../templates/email-layout';
import { messageIdFor } from './domain/email';
import { EmailSender } from './email-sender.service';
import { EmailsRepository } from './persistence/emails.repository';

/** The event an email answers: its id names the email, its correlation id follows the flow. */
export interface EmailCause {
  eventId: string;
  correlationId: string;
}

/**
 * What event handlers call: records the email durably (the sender delivers it later, with
 * retries) and returns. One email per (template, causing event): a redelivered event finds
 * its email already queued, even when the inbox did not record the first delivery.
 */
@Injectable()
export class EmailQueue {
  constructor(
    @Inject(EmailsRepository) private readonly emails: EmailsRepository,
    @Inject(EmailSender) private readonly sender: EmailSender,
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
    const queued = await this.emails.enqueue(
      {
        messageId: messageIdFor(template, cause.eventId, recipient),
        template,
        to: to.toLowerCase(),
        ...content,
        causationEventId: cause.eventId,
        correlationId: cause.correlationId,
      },
      new Date(),
    );
    if (queued) this.sender.nudge();
    return queued;
  }
}
