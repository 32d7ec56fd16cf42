import { IsInt, IsISO8601, IsString, MaxLength, Min } from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { Topics } from '../../topics';
import { EmailDelivery } from '../email-sent/email-delivery';

/** An email could not be delivered to the SMTP server after every attempt. */
export class EmailFailedPayload extends EmailDelivery {
  /** The last SMTP error. */
  @IsString()
  @MaxLength(1000)
  error: string;

  @IsInt()
  @Min(1)
  attempts: number;

  @IsISO8601()
  failedAt: string;
}

/** `EmailFailed` v1 on `notifications.email.v1`, keyed by messageId. */
export const EmailFailedEvent = defineEvent({
  type: 'EmailFailed',
  version: 1,
  topic: Topics.NotificationsEmail,
  payloadClass: EmailFailedPayload,
  keyOf: (payload) => payload.messageId,
});
