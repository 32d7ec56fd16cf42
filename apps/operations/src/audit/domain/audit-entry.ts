/** One staff action as the audit trail keeps it (a `StaffActionRecorded` event, once). */
export interface AuditEntry {
  auditId: string;
  service: string;
  actor: { userId: string; email: string; roles: string[] };
  action: string;
  subject: { type: string; id: string };
  accountId?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  reason?: string;
  /** When the action happened (the event's `at`). */
  at: Date;
  /** When the trail received it. */
  recordedAt: Date;
  /** The event that carried it, for tracing. */
  eventId: string;
  correlationId: string;
}

export interface AuditFilter {
  accountId?: string;
  /** A user id or an email (case-insensitive). */
  actor?: string;
  action?: string;
  service?: string;
}

/** Where the next page starts: the last entry of this page (newest first by `at`, then id). */
export interface AuditCursor {
  at: Date;
  auditId: string;
}

export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.auditId}`, 'utf8').toString('base64url');
}

/** undefined when the text is not a cursor this service issued. */
export function decodeAuditCursor(text: string): AuditCursor | undefined {
  const decoded = Buffer.from(text, 'base64url').toString('utf8');
  const [iso, auditId, ...rest] = decoded.split('|');
  if (rest.length > 0 || !iso || !auditId) return undefined;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || at.toISOString() !== iso) return undefined;
  return { at, auditId };
}
