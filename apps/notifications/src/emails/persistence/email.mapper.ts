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

/** A document claimed by this replica (`claimExpiresAt` set by the claim or the insert). */
export function toOutgoingEmail(document: EmailDocument & { claimExpiresAt: Date }): OutgoingEmail {
  return {
    messageId: document._id,
    template: document.template,
    to: document.to,
    subject: document.subject,
    text: document.text ?? '',
    html: document.html ?? '',
    attempts: document.attempts,
    claimExpiresAt: document.claimExpiresAt,
    causationEventId: document.causationEventId,
    correlationId: document.correlationId,
  };
}
