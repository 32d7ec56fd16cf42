import { callApi } from '../api/api-client';

/** The gateway's GET /api/health answer (apps/gateway system-health.dto.ts). */
interface SystemHealthBody {
  status: 'ok' | 'degraded';
  components?: Record<string, { status: 'up' | 'down'; message?: string }>;
}

export type SystemStatus =
  { kind: 'operational' } | { kind: 'degraded'; down: string[] } | { kind: 'unknown' };

/** Names a customer understands; unknown component names are shown as they come. */
const COMPONENT_LABELS: Record<string, string> = {
  gateway: 'Web portal',
  identity: 'Sign-in and registration',
  registry: 'Machines and contracts',
  ordering: 'Ordering',
  notifications: 'Email notifications',
  kafka: 'Order processing',
  database: 'Database',
  smtp: 'Email delivery',
};

export function componentLabel(name: string): string {
  return COMPONENT_LABELS[name] ?? name;
}

/**
 * The health endpoint answers 503 with the same body when something is down, so the body is
 * read for both; anything else (404 before the gateway has the route, network trouble, a body
 * of another shape) means "we don't know", never "all is well".
 */
export async function fetchSystemStatus(): Promise<SystemStatus> {
  const result = await callApi<SystemHealthBody>('/api/health', { timeoutMs: 8000 });
  if (result.kind === 'network-error') return { kind: 'unknown' };
  const body = result.body as Partial<SystemHealthBody> | null;
  if (!body || (body.status !== 'ok' && body.status !== 'degraded')) return { kind: 'unknown' };
  const down = Object.entries(body.components ?? {})
    .filter(([, component]) => component.status !== 'up')
    .map(([name]) => componentLabel(name));
  if (body.status === 'ok' && down.length === 0) return { kind: 'operational' };
  return { kind: 'degraded', down };
}
