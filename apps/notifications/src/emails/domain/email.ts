/**
 * One email in the delivery queue and log. Its id is `<template>:<causing eventId>` (plus
 * `:<recipient>` when one event mails several people), so a redelivered event finds its
 * email already queued and no second email goes out.
 */
/** `suppressed`: never sent, the recipient's cap was reached (see domain/recipient-cap.ts). */
export type EmailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'suppressed';
export const EMAIL_STATUSES: readonly EmailStatus[] = [
  'queued',
  'sending',
  'sent',
  'failed',
  'suppressed',
];

export interface EmailLogEntry {
  messageId: string;
  template: string;
  to: string;
  subject: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
}

/** What the sender needs to hand an email to the SMTP server. */
export interface OutgoingEmail {
  messageId: string;
  template: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Attempts so far, the current one included. */
  attempts: number;
  /** Until when this replica's claim on the email holds (no other replica takes it before). */
  claimExpiresAt: Date;
  causationEventId: string;
  correlationId: string;
}

/**
 * `<template>:<eventId>`, or `<template>:<eventId>:<recipient>` when one event mails several
 * people (order emails go to each user of the account; the recipient part is their user id).
 */
export function messageIdFor(
  template: string,
  causationEventId: string,
  recipient?: string,
): string {
  return recipient
    ? `${template}:${causationEventId}:${recipient}`
    : `${template}:${causationEventId}`;
}
