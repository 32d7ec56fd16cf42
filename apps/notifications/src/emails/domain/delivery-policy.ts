/**
 * What to do after a failed hand-over to the SMTP server. Framework-free so the rules can be
 * unit-tested without a mail server.
 */
export interface DeliveryPolicy {
  /** Attempts an email gets when the SMTP server answers but does not take it. */
  maxAttempts: number;
  /** Wait before the first retry; doubles per attempt. */
  initialBackoffMs: number;
  /** The longest wait between two attempts. */
  maxBackoffMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 8,
  initialBackoffMs: 2000,
  maxBackoffMs: 5 * 60 * 1000,
};

/**
 * Why a send failed:
 * - `unreachable`: no conversation with the server (refused, timeout, DNS, TLS) — not the
 *   email's fault, so it never uses up the email's attempts: the email waits until SMTP is back;
 * - `rejected-temporarily`: the server answered 4xx (busy, greylisting) — retried, bounded;
 * - `rejected-permanently`: the server answered 5xx (bad recipient, refused content) — the
 *   same email would be refused again, so it fails at once.
 */
export type SendFailureKind = 'unreachable' | 'rejected-temporarily' | 'rejected-permanently';

export interface SendFailure {
  kind: SendFailureKind;
  message: string;
}

export type RetryDecision = { action: 'retry'; retryAt: Date } | { action: 'give-up' };

/** Capped exponential backoff before the retry that follows attempt number `attempts` (≥ 1). */
export function backoffAfter(attempts: number, policy: DeliveryPolicy): number {
  const exponent = Math.max(0, attempts - 1);
  // Cap the exponent first so large attempt counts never overflow to Infinity.
  const delay = policy.initialBackoffMs * Math.pow(2, Math.min(exponent, 30));
  return Math.min(policy.maxBackoffMs, delay);
}

/** `attempts` counts the attempt that just failed. */
export function decideAfterFailure(
  failure: SendFailure,
  attempts: number,
  policy: DeliveryPolicy,
  now: Date,
): RetryDecision {
  if (failure.kind === 'rejected-permanently') return { action: 'give-up' };
  if (failure.kind === 'rejected-temporarily' && attempts >= policy.maxAttempts) {
    return { action: 'give-up' };
  }
  return { action: 'retry', retryAt: new Date(now.getTime() + backoffAfter(attempts, policy)) };
}

/** SMTP reply code of an error, when the server answered at all. */
function responseCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' ? code : undefined;
}

/** Sorts a mailer error (nodemailer sets `responseCode` when the server replied). */
export function classifySendError(error: unknown): SendFailure {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  const responseCode = responseCodeOf(error);
  if (responseCode === undefined) return { kind: 'unreachable', message };
  if (responseCode >= 500) return { kind: 'rejected-permanently', message };
  return { kind: 'rejected-temporarily', message };
}
