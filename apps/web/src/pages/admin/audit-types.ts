/** GET /api/audit (operations service). */
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
  at: string;
  recordedAt: string;
  correlationId: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export interface AuditFilters {
  accountId: string;
  actor: string;
  action: string;
}

/** The query string for the filters that are filled in, plus a page cursor. */
export function auditPath(filters: AuditFilters, cursor?: string): string {
  const query = new URLSearchParams({ limit: '50' });
  for (const [name, value] of Object.entries(filters)) {
    if (value.trim()) query.set(name, value.trim());
  }
  if (cursor) query.set('cursor', cursor);
  return `/api/audit?${query.toString()}`;
}
