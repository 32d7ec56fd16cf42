/**
 * The public OpenAPI document is the contract (issue 18, item 8): an undocumented method on a
 * documented path is a 405 with `Allow` (from the document, for every service alike), and the
 * error statuses operations answer are documented with the shared error body — pinned here
 * without schemathesis (test/security/fuzz.e2e-spec.ts runs it).
 */
import { SERVICE_NAMES } from '@metered/service-kit';
import { ADMIN } from '../../support/ordering/ordering-harness';
import { useApps } from '../../support/stack-env';

interface Answer {
  status: number;
  allow: string | null;
  body: { statusCode?: number; message?: unknown };
}

type Responses = Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the API contract at the gateway (real stack)', () => {
  let gateway: string;
  let token: string;
  let document: {
    paths: Record<string, Record<string, { responses: Responses; parameters?: Schema[] }>>;
    components: { schemas: Record<string, Schema> };
  };

  async function call(method: string, path: string, auth = true): Promise<Answer> {
    const response = await fetch(`${gateway}${path}`, {
      method,
      headers: auth ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(15000),
    });
    const text = await response.text();
    return {
      status: response.status,
      allow: response.headers.get('allow'),
      body: text ? (JSON.parse(text) as Answer['body']) : {},
    };
  }

  function documented(path: string, method: string, status: number): boolean {
    const response = document.paths[path]?.[method]?.responses[String(status)];
    return (
      response?.content?.['application/json']?.schema?.$ref === '#/components/schemas/HttpError'
    );
  }

  beforeAll(async () => {
    const urls = await useApps(SERVICE_NAMES);
    gateway = urls.gateway;
    const login = await fetch(`${gateway}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
    document = (await (await fetch(`${gateway}/api/docs-json`)).json()) as typeof document;
  }, 600000);

  it.each([
    ['DELETE', '/api/orders', 'GET, HEAD, POST'],
    ['PUT', '/api/orders/0b7c3f7e-1d6a-4a52-9a5e-2f8c1a7d9e01/cancel', 'POST'],
    ['PATCH', '/api/auth/login', 'POST'],
    ['POST', '/api/health', 'GET, HEAD'],
    ['DELETE', '/api/telemetry/settings', 'GET, HEAD, PUT'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const answer = await call(method, path);
    expect(answer).toEqual({
      status: 405,
      allow,
      body: expect.objectContaining({ statusCode: 405 }) as unknown,
    });
  });

  it('leaves documented methods, HEAD with GET, and undocumented paths to the owner', async () => {
    expect((await call('HEAD', '/api/health')).status).toBe(200);
    expect((await call('GET', '/api/orders/x/no-such-action')).status).toBe(404);
    expect((await call('GET', '/api/no-such-api')).status).toBe(404);
  });

  it('answers 401 without a token and 404 for an unknown id, as documented', async () => {
    const missing = '/api/accounts/0b7c3f7e-1d6a-4a52-9a5e-2f8c1a7d9e01';
    expect(documented('/api/accounts/{accountId}', 'get', 401)).toBe(true);
    expect((await call('GET', missing, false)).status).toBe(401);
    expect(documented('/api/accounts/{accountId}', 'get', 404)).toBe(true);
    const notFound = await call('GET', missing);
    expect(notFound.status).toBe(404);
    expect(notFound.body).toMatchObject({
      statusCode: 404,
      message: expect.any(String) as unknown,
    });
  });

  it('documents a 400 with the error body wherever input is validated', async () => {
    expect(documented('/api/orders', 'get', 400)).toBe(true);
    const refused = await call('GET', '/api/orders?limit=0');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ statusCode: 400 });
  });

  it('states the validators in the request schemas: types, ranges, formats, patterns, no unknown fields', () => {
    const settings = document.components.schemas.ChangeSettingsDto;
    expect(settings.additionalProperties).toBe(false);
    expect(settings.properties.silentAfterDays).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 60,
    });
    expect(settings.properties.accountId).toMatchObject({ format: 'uuid' });
    const limit = document.paths['/api/orders'].get.parameters?.find((p) => p.name === 'limit');
    expect(limit?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    const serial = document.paths['/api/devices/{serial}'].get.parameters?.[0];
    // The text rule: a control character in a path parameter is refused, so says the schema.
    expect(new RegExp(serial?.schema.pattern as string, 'u').test('AB\u0000CD')).toBe(false);
    const registration = document.components.schemas.CreateRegistrationDto;
    expect(registration.properties.serials.items.pattern).toBeDefined();
    expect(new RegExp(registration.properties.company.pattern as string, 'u').test('   ')).toBe(
      false,
    );
  });

  it('refuses a null setting with a 400 naming the field (fuzzing found a 500)', async () => {
    const response = await fetch(`${gateway}/api/telemetry/settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        accountId: '0b7c3f7e-1d6a-4a52-9a5e-2f8c1a7d9e01',
        silentAfterDays: null,
      }),
      signal: AbortSignal.timeout(15000),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: expect.arrayContaining([
        expect.objectContaining({ field: 'silentAfterDays' }),
      ]) as unknown,
    });
  });
});
