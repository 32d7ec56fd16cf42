/**
 * No answer shows internals (file paths, driver or socket errors, host:port, stack frames), on
 * any status, from the gateway or any service: missing files, missing routes, unsupported
 * methods, malformed bodies and requests that make the database refuse.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVICE_NAMES } from '@metered/service-kit';
import { expectNoInternals, internalsIn } from '../../support/internals';
import { ADMIN } from '../../support/ordering/ordering-harness';
import { useApps } from '../../support/stack-env';
import { PortalHarness, startPortalHarness } from '../portal/portal-harness';

async function answer(url: string, init: RequestInit = {}) {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15000) });
  return { status: response.status, text: await response.text() };
}

describe('error bodies show no internals', () => {
  describe('a gateway without a portal build', () => {
    let harness: PortalHarness;
    let emptyDir: string;

    beforeAll(async () => {
      emptyDir = mkdtempSync(path.join(tmpdir(), 'no-portal-'));
      harness = await startPortalHarness(emptyDir);
    });

    afterAll(async () => {
      await harness?.close();
      rmSync(emptyDir, { recursive: true, force: true });
    });

    it.each(['/', '/login', '/set-password', '/order'])(
      'answers %s with a plain 503, not the missing file path',
      async (page) => {
        const { status, text } = await answer(`${harness.baseUrl}${page}`);
        expect(status).toBe(503);
        expect(JSON.parse(text).message).toMatch(/portal is not available/);
        expect(text).not.toContain(emptyDir);
        expectNoInternals(text);
      },
    );
  });

  describe('the real gateway and services', () => {
    let urls: Record<string, string>;
    let token: string;

    beforeAll(async () => {
      urls = await useApps(SERVICE_NAMES);
      const login = await fetch(`${urls.gateway}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      token = ((await login.json()) as { accessToken: string }).accessToken;
    }, 600000);

    it('missing routes, odd methods, malformed bodies and database refusals', async () => {
      const auth = { authorization: `Bearer ${token}` };
      const json = { ...auth, 'content-type': 'application/json' };
      const requests: [string, RequestInit][] = [
        [`${urls.gateway}/api/no-such-api`, {}],
        [`${urls.gateway}/api/orders/..%2f..%2fetc%2fpasswd`, { headers: auth }],
        [`${urls.gateway}/health/no-such-check`, {}],
        [`${urls.gateway}/api/auth/login`, { method: 'POST', headers: json, body: '{"email":' }],
        [`${urls.gateway}/api/auth/login`, { method: 'PATCH', headers: json, body: '{}' }],
        // NUL reaches the database as a query value; whatever the answer, no driver text.
        [`${urls.gateway}/api/orders?serial=%00`, { headers: auth }],
        [`${urls.gateway}/api/accounts?q=%00`, { headers: auth }],
        [`${urls.gateway}/api/devices/%00`, { headers: auth }],
        ...SERVICE_NAMES.flatMap((service): [string, RequestInit][] => [
          [`${urls[service]}/no-such-route`, {}],
          [`${urls[service]}/health/ready/..%2f..%2f`, {}],
          [`${urls[service]}/metrics/x`, { method: 'DELETE' }],
        ]),
      ];
      const leaks: string[] = [];
      for (const [url, init] of requests) {
        const { status, text } = await answer(url, init);
        const leak = internalsIn(text);
        if (leak) leaks.push(`${init.method ?? 'GET'} ${url} → ${status}: ${leak}`);
        expect(status).toBeGreaterThanOrEqual(200);
      }
      expect(leaks).toEqual([]);
    });
  });
});
