import type { ServiceName } from '@metered/service-kit';

/** The public prefix: `/api/<segment>/…` is forwarded as `/<segment>/…` to the owning service. */
export const API_PREFIX = '/api';

/**
 * Who owns each first path segment under `/api` — the one copy of the table in docs/api.md.
 * `gateway` segments are answered by the gateway itself (health, the merged OpenAPI document).
 */
export const API_ROUTES: Readonly<Record<string, ServiceName>> = Object.freeze({
  registrations: 'identity',
  auth: 'identity',
  users: 'identity',
  'master-data': 'registry',
  'device-models': 'registry',
  'supply-items': 'registry',
  devices: 'registry',
  accounts: 'registry',
  'account-requests': 'registry',
  orders: 'ordering',
  emails: 'notifications',
  audit: 'operations',
  'dead-letters': 'operations',
  ops: 'operations',
  telemetry: 'telemetry',
  health: 'gateway',
  docs: 'gateway',
  'docs-json': 'gateway',
});

export type ApiRoute =
  /** Forward to `service` as `upstreamPath` (path and query, `/api` removed). */
  | {
      kind: 'proxy';
      service: Exclude<ServiceName, 'gateway'>;
      segment: string;
      upstreamPath: string;
    }
  /** One of the gateway's own endpoints: let its router answer. */
  | { kind: 'gateway'; segment: string }
  /** Under `/api` but owned by nobody: a JSON 404, never the portal page. */
  | { kind: 'unknown'; segment: string }
  /** Not under `/api` at all (the portal, `/health/*`). */
  | { kind: 'outside' };

// Dot segments are resolved before the owner is chosen, so `/api/auth/../x` is routed as `/api/x`.
const BASE = 'http://gateway.invalid';

/** Decides where a request target (`req.originalUrl`, path and query) goes. */
export function resolveApiRoute(
  requestTarget: string,
  routes: Readonly<Record<string, ServiceName>> = API_ROUTES,
): ApiRoute {
  let url: URL;
  try {
    url = new URL(requestTarget.startsWith('/') ? requestTarget : `/${requestTarget}`, BASE);
  } catch {
    return { kind: 'outside' };
  }
  if (url.origin !== BASE) return { kind: 'outside' };
  const path = url.pathname;
  if (path !== API_PREFIX && !path.startsWith(`${API_PREFIX}/`)) return { kind: 'outside' };
  const rest = path.slice(API_PREFIX.length); // '' or '/segment/...'
  const segment = rest.split('/')[1] ?? '';
  const owner = Object.prototype.hasOwnProperty.call(routes, segment) ? routes[segment] : undefined;
  if (!owner) return { kind: 'unknown', segment };
  if (owner === 'gateway') return { kind: 'gateway', segment };
  return { kind: 'proxy', service: owner, segment, upstreamPath: `${rest}${url.search}` };
}

/** The service that owns a path of a service's own document (`/registrations/{id}` → identity). */
export function ownerOfServicePath(
  servicePath: string,
  routes: Readonly<Record<string, ServiceName>> = API_ROUTES,
): ServiceName | undefined {
  const segment = servicePath.split('/')[1] ?? '';
  return Object.prototype.hasOwnProperty.call(routes, segment) ? routes[segment] : undefined;
}
