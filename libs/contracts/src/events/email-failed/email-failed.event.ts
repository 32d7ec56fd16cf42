import { IsEmail, IsInt, IsISO8601, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { defineEvent } from '@metered/event-platform/envelope';
import { Topics } from '../../topics';

/** An email could not be delivered to the SMTP server after every attempt. */
export class EmailFailedPayload {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  messageId: string;

  @IsString()
  @IsNotEmpty()
  template: string;

  @IsEmail()
  to: string;

  @IsString()
  @IsNotEmpty()
  causationEventId: string;

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
