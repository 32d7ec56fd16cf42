import { IsEmail, IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { defineEvent } from '@metered/event-platform/envelope';
import { Topics } from '../../topics';

/** An email left for the recipient's mail server. */
export class EmailSentPayload {
  /** The notifications service's id of this email: `<template>:<causing eventId>`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  messageId: string;

  /** Template name, e.g. `registration-received`. */
  @IsString()
  @IsNotEmpty()
  template: string;

  @IsEmail()
  to: string;

  /** The event that caused this email. */
  @IsString()
  @IsNotEmpty()
  causationEventId: string;

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
