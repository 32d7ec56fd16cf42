import { randomUUID } from 'node:crypto';
import { SERVICE_NAMES } from '@metered/service-kit';
import { launchChromium, watchPageProblems } from '../../support/browser';
import { startComponent, stopComponent, useApps } from '../../support/stack-env';

interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: Array<{ field: string; reason: string }>;
}

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
  'x-unavailable-services'?: string[];
}

async function call<T>(url: string, init: RequestInit = {}): Promise<Answer<T>> {
  const response = await fetch(url, { signal: AbortSignal.timeout(35000), ...init });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the assertions say what was expected
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 60000) {
  const deadline = Date.now() + ms;
  let last = await read();
  while (!done(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    last = await read();
  }
  return last;
}

/** The public API through the real gateway, in front of the five real services. */
describe('gateway API routing (real stack)', () => {
  let urls: Record<string, string>;
  let api: string;

  beforeAll(async () => {
    urls = await useApps(SERVICE_NAMES);
    api = `${urls.gateway}/api`;
  }, 600000);

  it("reaches identity's published key set through /api/auth", async () => {
    const { status, body, headers } = await call<{ keys: Array<{ kty: string }> }>(
      `${api}/auth/jwks.json`,
    );
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/application\/json/);
    expect(body.keys.length).toBeGreaterThan(0);
    expect(body.keys[0].kty).toBe('RSA');
  });

  it("returns the service's own 400 with field errors, and round-trips the correlation id", async () => {
    const correlationId = `gw-e2e-${randomUUID()}`;
    const { status, body, headers } = await call<ErrorBody>(
      `${api}/registrations`,
      json({ email: 'not-an-email' }, { 'x-correlation-id': correlationId }),
    );
    expect(status).toBe(400);
    expect(headers.get('x-correlation-id')).toBe(correlationId);
    const fields = (body.errors ?? []).map((problem) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'company', 'serials']));
  });

  it('makes up a correlation id when the caller sends none', async () => {
    const { headers } = await call(`${api}/auth/jwks.json`);
    expect(headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('passes the Authorization header to the service, which authorises the call', async () => {
    const anonymous = await call<ErrorBody>(`${api}/auth/me`);
    expect(anonymous.status).toBe(401);
    const login = await call<{ accessToken: string }>(
      `${api}/auth/login`,
      json({
        email: process.env.BOOTSTRAP_ADMIN_EMAIL ?? 'admin@metered.local',
        password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'Metered-Admin-2026!',
      }),
    );
    expect(login.status).toBe(200);
    const me = await call<{ roles: string[] }>(`${api}/auth/me`, {
      headers: { authorization: `Bearer ${login.body.accessToken}` },
    });
    expect(me.status).toBe(200);
    expect(me.body.roles).toContain('admin');
  });

  it('refuses a 100 kB body with 413 in the shared error shape', async () => {
    const { status, body, headers } = await call<ErrorBody>(
      `${api}/registrations`,
      json({ company: 'x'.repeat(100 * 1024) }, { 'x-correlation-id': 'gw-e2e-413' }),
    );
    expect(status).toBe(413);
    expect(headers.get('x-correlation-id')).toBe('gw-e2e-413');
    expect(body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'request body is larger than 64 kB',
    });
  });

  it('has every service refuse a 100 kB body itself too, and malformed JSON with 400', async () => {
    for (const service of ['identity', 'registry', 'ordering', 'notifications', 'operations']) {
      const tooLarge = await call<ErrorBody>(
        `${urls[service]}/anything`,
        json({ x: 'y'.repeat(100 * 1024) }),
      );
      expect({ service, status: tooLarge.status, error: tooLarge.body.error }).toEqual({
        service,
        status: 413,
        error: 'Payload Too Large',
      });
    }
    const malformed = await call<ErrorBody>(`${api}/registrations`, json('{"company": '));
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/^malformed JSON body/);
  });

  it('answers an unknown segment with a JSON 404, never the portal page', async () => {
    for (const path of ['/nope', '/nope/deeper?x=1', '', '/']) {
      const { status, body, headers } = await call<ErrorBody>(`${api}${path}`);
      expect({ path, status }).toEqual({ path, status: 404 });
      expect(headers.get('content-type')).toMatch(/application\/json/);
      expect(body.statusCode).toBe(404);
    }
    const unknownOnService = await call<ErrorBody>(`${api}/auth/no-such-thing`);
    expect(unknownOnService.status).toBe(404);
    expect(unknownOnService.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('serves an OpenAPI document on every service at /docs-json', async () => {
    for (const service of SERVICE_NAMES) {
      const { status, body } = await call<OpenApi & { openapi: string }>(
        `${urls[service]}/docs-json`,
      );
      expect({ service, status }).toEqual({ service, status: 200 });
      expect(body.openapi).toMatch(/^3\./);
    }
  });

  it("merges the services' documents under /api: identity and registry paths appear", async () => {
    const merged = await eventually(
      () => call<OpenApi>(`${api}/docs-json`),
      (answer) =>
        answer.status === 200 &&
        '/api/registrations' in answer.body.paths &&
        '/api/master-data/imports' in answer.body.paths,
      30000,
    );
    expect(merged.status).toBe(200);
    const paths = Object.keys(merged.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/registrations',
        '/api/auth/login',
        '/api/auth/jwks.json',
        '/api/master-data/imports',
      ]),
    );
    // Internal endpoints of the services stay out of the public document.
    expect(paths.filter((path) => !path.startsWith('/api/'))).toEqual([]);
    expect(merged.body['x-unavailable-services']).toEqual([]);
  });

  it('shows the merged document in the Swagger UI at /api/docs (headless Chromium)', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const { problems } = watchPageProblems(page);
      await page.goto(`${api}/docs`);
      const registrations = page.locator('.opblock-summary-path', {
        hasText: /^\/api\/registrations$/,
      });
      await registrations.first().waitFor({ timeout: 15000 });
      await page
        .locator('.opblock-summary-path', { hasText: '/api/master-data/imports' })
        .first()
        .waitFor({ timeout: 5000 });
      expect(await page.locator('.info .title').first().textContent()).toContain(
        'Metered Supplies API',
      );
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('answers 503 while a service is stopped, lists it as missing in the docs, and recovers', async () => {
    await stopComponent('notifications');
    try {
      const down = await call<ErrorBody>(`${api}/emails?to=x@example.com`);
      expect(down.status).toBe(503);
      expect(down.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'notifications is unavailable, try again shortly',
      });
      const docs = await eventually(
        () => call<OpenApi>(`${api}/docs-json`),
        (answer) => (answer.body['x-unavailable-services'] ?? []).includes('notifications'),
        30000,
      );
      expect(docs.status).toBe(200);
      expect(docs.body['x-unavailable-services']).toEqual(['notifications']);
      expect(Object.keys(docs.body.paths)).toContain('/api/registrations');
    } finally {
      await startComponent('notifications');
    }
    const back = await eventually(
      () => call<ErrorBody>(`${api}/emails?to=x@example.com`),
      (answer) => answer.status !== 503,
    );
    expect(back.status).toBe(401);
  });
});
