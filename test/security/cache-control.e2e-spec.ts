/**
 * Answers with tokens or personal data must not be kept by a browser, a proxy or a CDN: every
 * /api answer carries `Cache-Control: no-store` — sign-in, refresh, /auth/me, orders, accounts,
 * users, registrations, errors too — except the public documents (the signing keys, the OpenAPI
 * document) and the portal's own files (index.html `no-cache`, hashed assets immutable),
 * which keep their caching.
 */
import { SERVICE_NAMES } from '@metered/service-kit';
import { LoginAnswer } from '../../tools/stack/src/demo/gateway-client';
import { useApps } from '../support/stack-env';

const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };

describe('Cache-Control on API answers (real stack, through the gateway)', () => {
  let gateway: string;

  beforeAll(async () => {
    gateway = (await useApps(SERVICE_NAMES)).gateway;
  }, 600000);

  const post = (path: string, body: unknown) =>
    fetch(`${gateway}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const get = (path: string, token?: string) =>
    fetch(`${gateway}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});

  it('sends no-store with tokens, personal data and errors', async () => {
    const login = await post('/api/auth/login', ADMIN);
    expect(login.status).toBe(200);
    const tokens = (await login.json()) as LoginAnswer;
    const refresh = await post('/api/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(refresh.status).toBe(200);
    const token = ((await refresh.json()) as LoginAnswer).accessToken;

    const answers: Array<[string, Response]> = [
      ['login', login],
      ['refresh', refresh],
      ['me', await get('/api/auth/me', token)],
      ['orders', await get('/api/orders', token)],
      ['accounts', await get('/api/accounts?q=Test', token)],
      ['users', await get('/api/users', token)],
      ['registrations', await get('/api/registrations', token)],
      ['emails', await get('/api/emails', token)],
      ['audit', await get('/api/audit', token)],
      ['failed login', await post('/api/auth/login', { ...ADMIN, password: 'not-the-password' })],
      ['no token', await get('/api/orders')],
      ['gateway health', await get('/api/health')],
    ];
    const cached = answers
      .filter(([, response]) => response.headers.get('cache-control') !== 'no-store')
      .map(
        ([label, response]) =>
          `${label}: ${response.status} ${response.headers.get('cache-control')}`,
      );
    expect(cached).toEqual([]);
  });

  it('lets the public documents keep their own caching', async () => {
    const jwks = await get('/api/auth/jwks.json');
    expect(jwks.headers.get('cache-control')).toBe('public, max-age=300');
    const openApi = await get('/api/docs-json');
    expect(openApi.headers.get('cache-control')).toBe('no-cache');
  });
});
