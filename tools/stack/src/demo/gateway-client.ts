/**
 * A small client of the public API (through the gateway), for the demo loader and the
 * end-to-end tests: JSON in and out, the bearer token when given, and every answer returned
 * with its status so callers decide what a 4xx means.
 */
export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ApiCall {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

export interface LoginAnswer {
  accessToken: string;
  refreshToken: string;
  tokenType: string;
  expiresIn: number;
  user: {
    userId: string;
    email: string;
    name: string;
    roles: string[];
    accountId?: string;
    country: string;
  };
}

export class GatewayClient {
  constructor(readonly baseUrl: string) {}

  async call<T = unknown>(path: string, call: ApiCall = {}): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...call.headers };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    if (call.token) headers.Authorization = `Bearer ${call.token}`;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: call.method ?? (call.body === undefined ? 'GET' : 'POST'),
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(30000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }

  /** Like `call`, but throws with the answer when the status is not the expected one. */
  async expect<T = unknown>(status: number, path: string, call: ApiCall = {}): Promise<T> {
    const answer = await this.call<T>(path, call);
    if (answer.status !== status) {
      throw new Error(
        `${call.method ?? (call.body === undefined ? 'GET' : 'POST')} ${path}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`,
      );
    }
    return answer.body;
  }

  login(email: string, password: string): Promise<ApiAnswer<LoginAnswer>> {
    return this.call<LoginAnswer>('/api/auth/login', { body: { email, password } });
  }
}

/** Polls `read` until `done` holds or the time is up; returns the last value either way. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 30000, intervalMs = 300 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await read();
  }
  return value;
}
