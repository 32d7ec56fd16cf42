/**
 * The one way the portal talks to the gateway: same-origin JSON under /api, a correlation id
 * per request (so a reference shown to the user finds the request in the logs), a timeout,
 * and every outcome returned as a value — pages decide what each one means to the user.
 */
export interface FieldProblem {
  field: string;
  reason: string;
}

/** The error body every service answers with (service-kit's validation pipe and error filter). */
export interface ApiErrorBody {
  statusCode?: number;
  message?: string | string[];
  errors?: FieldProblem[];
  /** A machine-readable reason some answers add, e.g. ordering's `contract-not-current`. */
  code?: string;
}

export type ApiResult<T> =
  | { kind: 'ok'; status: number; body: T; correlationId: string }
  | {
      kind: 'http-error';
      status: number;
      body: ApiErrorBody | null;
      correlationId: string;
      /** From `Retry-After` (seconds form), e.g. while sign-in is locked. */
      retryAfterSeconds?: number;
    }
  | { kind: 'network-error'; message: string; correlationId: string };

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  accessToken?: string;
  timeoutMs?: number;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
}

export async function callApi<T>(path: string, request: ApiRequest = {}): Promise<ApiResult<T>> {
  if (!path.startsWith('/api/')) throw new Error(`API paths start with /api/, got ${path}`);
  const correlationId = newCorrelationId();
  const headers: Record<string, string> = {
    ...request.headers,
    Accept: 'application/json',
    'x-correlation-id': correlationId,
  };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  if (request.accessToken) headers.Authorization = `Bearer ${request.accessToken}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs ?? 15000),
    });
  } catch (error) {
    return { kind: 'network-error', message: (error as Error).message, correlationId };
  }
  const body = await readJson(response);
  if (response.ok) return { kind: 'ok', status: response.status, body: body as T, correlationId };
  return {
    kind: 'http-error',
    status: response.status,
    body: body as ApiErrorBody | null,
    correlationId,
    retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after')),
  };
}

function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** crypto.randomUUID exists only in secure contexts; a plain-http intranet host still needs ids. */
function newCorrelationId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A random (version 4) UUID, also outside secure contexts, where crypto.randomUUID is missing:
 * services that accept an `Idempotency-Key` expect a UUID.
 */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
