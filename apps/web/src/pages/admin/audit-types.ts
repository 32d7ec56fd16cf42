/** GET /api/audit and GET /api/audit/accounts/:accountId (operations service). */
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

/** The services whose staff actions the trail keeps (contracts' AUDITED_SERVICES). */
export const AUDITED_SERVICES = [
  'identity',
  'registry',
  'ordering',
  'notifications',
  'operations',
  'telemetry',
];

export interface AuditFilters {
  accountId: string;
  actor: string;
  action: string;
  service: string;
}

const FILTER_NAMES: (keyof AuditFilters)[] = ['accountId', 'actor', 'action', 'service'];

/** The filters named in the page's address (`/admin/audit?action=order.released`). */
export function filtersFromQuery(search: string): AuditFilters {
  const query = new URLSearchParams(search);
  const filters: AuditFilters = { accountId: '', actor: '', action: '', service: '' };
  for (const name of FILTER_NAMES) filters[name] = query.get(name)?.trim() ?? '';
  return filters;
}

/** `?name=value…` of the filters that are filled in ("" when none is). */
export function filtersToQuery(filters: AuditFilters): string {
  const query = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name].trim()) query.set(name, filters[name].trim());
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The API's query string for the filters that are filled in, plus a page cursor. */
export function auditPath(filters: AuditFilters, cursor?: string): string {
  const query = new URLSearchParams({ limit: '25' });
  for (const name of FILTER_NAMES) if (filters[name].trim()) query.set(name, filters[name].trim());
  if (cursor) query.set('cursor', cursor);
  return `/api/audit?${query.toString()}`;
}
