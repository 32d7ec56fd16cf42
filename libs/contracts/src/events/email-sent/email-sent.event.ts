import { IsISO8601 } from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { Topics } from '../../topics';
import { EmailDelivery } from './email-delivery';

/** An email left for the recipient's mail server. */
export class EmailSentPayload extends EmailDelivery {
  @IsISO8601()
  sentAt: string;
}

/** `EmailSent` v1 on `notifications.email.v1`, keyed by messageId. */
export const EmailSentEvent = defineEvent({
  type: 'EmailSent',
  version: 1,
  topic: Topics.NotificationsEmail,
  payloadClass: EmailSentPayload,
  keyOf: (payload) => payload.messageId,
});
