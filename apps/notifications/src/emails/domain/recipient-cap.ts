import type { TemplateName } from '../../templates/email-layout';

/**
 * Emails anyone can make us send to an address they choose — a registration request names
 * any email, a reset request any account's — and that matter to nobody but a real applicant.
 * They are capped per recipient so the service cannot be used to flood a mailbox. Order,
 * account-request and login-details emails are transactional (a busy account gets many, an
 * administrator or a placed order caused them) and are never capped.
 */
export const CAPPED_TEMPLATES: ReadonlySet<TemplateName> = new Set<TemplateName>([
  'registration-received',
  'registration-rejected',
  'serials-not-eligible',
  'password-reset',
]);

export const RECIPIENT_CAP_WINDOW_MS = 60 * 60_000;

/** Capped emails recently admitted for one recipient. */
export interface AdmittedEmail {
  messageId: string;
  at: Date;
}

export interface CapDecision {
  admitted: boolean;
  /** What to keep: the emails still inside the window, with this one when admitted. */
  recent: AdmittedEmail[];
}

/**
 * A sliding hour: admitted while fewer than `limit` capped emails went to the recipient in
 * the last hour. An email admitted before (a redelivered event) stays admitted.
 */
export function decideCap(
  recent: readonly AdmittedEmail[],
  messageId: string,
  now: Date,
  limit: number,
  windowMs = RECIPIENT_CAP_WINDOW_MS,
): CapDecision {
  const inWindow = recent.filter((entry) => now.getTime() - entry.at.getTime() < windowMs);
  if (inWindow.some((entry) => entry.messageId === messageId)) {
    return { admitted: true, recent: inWindow };
  }
  if (inWindow.length >= limit) return { admitted: false, recent: inWindow };
  return { admitted: true, recent: [...inWindow, { messageId, at: now }] };
}

export function suppressionReason(limit: number): string {
  return `suppressed: recipient cap of ${limit} emails of this kind per hour reached (EMAIL_MAX_PER_RECIPIENT_PER_HOUR)`;
}
