/**
 * An expired access token is refused by every service. Forging one needs identity's private
 * key, so identity itself issues it: the suite restarts identity with a 2-second token
 * lifetime (ACCESS_TOKEN_TTL_SECONDS reaches the app through the stack's environment), and
 * puts the normal lifetime back afterwards.
 */
import { SERVICE_NAMES, ServiceName } from '@metered/service-kit';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { restartComponent, useApps } from '../../support/stack-env';

const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };
const TTL_SECONDS = 2;
/** libs/auth accepts 5 s of clock skew; wait past it. */
const SKEW_SECONDS = 5;

const PROTECTED: ReadonlyArray<{ service: ServiceName; path: string }> = [
  { service: 'identity', path: '/auth/me' },
  { service: 'registry', path: '/device-models' },
  { service: 'notifications', path: '/emails?to=nobody%40example.com' },
];

describe('expired access tokens (real stack)', () => {
  let urls: Record<ServiceName, string>;

  beforeAll(async () => {
    urls = await useApps(SERVICE_NAMES);
    process.env.ACCESS_TOKEN_TTL_SECONDS = String(TTL_SECONDS);
    await restartComponent('identity');
  }, 600000);

  afterAll(async () => {
    delete process.env.ACCESS_TOKEN_TTL_SECONDS;
    await restartComponent('identity');
  }, 120000);

  it('are accepted until they expire and refused by every service afterwards', async () => {
    const gateway = new GatewayClient(urls.gateway);
    const login = await gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN });
    expect(login.expiresIn).toBe(TTL_SECONDS);
    for (const { service, path } of PROTECTED) {
      const fresh = await new GatewayClient(urls[service]).call(path, { token: login.accessToken });
      expect({ service, status: fresh.status }).toEqual({ service, status: 200 });
    }
    await new Promise((resolve) => setTimeout(resolve, (TTL_SECONDS + SKEW_SECONDS + 1) * 1000));
    for (const { service, path } of PROTECTED) {
      const stale = await new GatewayClient(urls[service]).call<{ message: string }>(path, {
        token: login.accessToken,
      });
      expect({ service, status: stale.status }).toEqual({ service, status: 401 });
      expect(stale.body.message).toMatch(/expired/i);
      expect(stale.headers.get('www-authenticate')).toMatch(/invalid_token/);
    }
    // The refresh token outlives the access token: a new one works again.
    const renewed = await gateway.expect<LoginAnswer>(200, '/api/auth/refresh', {
      body: { refreshToken: login.refreshToken },
    });
    const me = await new GatewayClient(urls.identity).call('/auth/me', {
      token: renewed.accessToken,
    });
    expect(me.status).toBe(200);
  });
});
