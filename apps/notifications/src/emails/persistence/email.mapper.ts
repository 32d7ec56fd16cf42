import { EmailLogEntry, OutgoingEmail } from '../domain/email';
import { EmailDocument } from './email.schema';

export function toLogEntry(document: EmailDocument): EmailLogEntry {
  return {
    messageId: document._id,
    template: document.template,
    to: document.to,
    subject: document.subject,
    status: document.status,
    attempts: document.attempts,
    lastError: document.lastError ?? null,
    createdAt: document.createdAt,
    sentAt: document.sentAt ?? null,
    failedAt: document.failedAt ?? null,
  };
}

export function toOutgoingEmail(document: EmailDocument): OutgoingEmail {
  return {
    messageId: document._id,
    template: document.template,
    to: document.to,
    subject: document.subject,
    text: document.text ?? '',
    html: document.html ?? '',
    attempts: document.attempts,
    causationEventId: document.causationEventId,
    correlationId: document.correlationId,
  };
}
