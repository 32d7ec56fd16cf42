/**
 * What browsers are told, checked on the real gateway and every service: helmet's headers and
 * a Content-Security-Policy that fits the portal, CORS only for the portal's origin (PORTAL_URL),
 * and no cookies at all (tokens travel in the Authorization header; were a cookie ever added, it
 * must be HttpOnly; Secure; SameSite).
 */
import { SERVICE_NAMES, ServiceName } from '@metered/service-kit';
import { LoginAnswer } from '../../tools/stack/src/demo/gateway-client';
import { appUrl, useApps } from '../support/stack-env';

const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };
const PORTAL_ORIGIN = new URL(process.env.PORTAL_URL ?? appUrl('gateway')).origin;
const OTHER_ORIGIN = 'https://evil.example';

function checkHelmet(where: string, headers: Headers): string[] {
  const problems: string[] = [];
  const csp = headers.get('content-security-policy') ?? '';
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ]) {
    if (!csp.includes(directive)) problems.push(`${where}: CSP lacks ${directive} (${csp})`);
  }
  const expected: Record<string, RegExp> = {
    'x-content-type-options': /^nosniff$/,
    'x-frame-options': /^DENY$/,
    'strict-transport-security': /max-age=\d+/,
    'referrer-policy': /no-referrer/,
    'cross-origin-opener-policy': /same-origin/,
  };
  for (const [name, pattern] of Object.entries(expected)) {
    if (!pattern.test(headers.get(name) ?? ''))
      problems.push(`${where}: ${name}=${headers.get(name)}`);
  }
  if (headers.get('x-powered-by'))
    problems.push(`${where}: x-powered-by=${headers.get('x-powered-by')}`);
  return problems;
}

describe('security headers, CORS and cookies (real stack)', () => {
  let gateway: string;

  beforeAll(async () => {
    gateway = (await useApps(SERVICE_NAMES)).gateway;
  }, 600000);

  it('sends helmet headers from the gateway (portal, API, docs) and from every service', async () => {
    const targets: Array<[string, string]> = [
      ['portal /', `${gateway}/`],
      ['gateway /api/health', `${gateway}/api/health`],
      ['proxied /api/auth/jwks.json', `${gateway}/api/auth/jwks.json`],
      ['swagger /api/docs', `${gateway}/api/docs`],
      ...SERVICE_NAMES.filter((name) => name !== 'gateway').map((name): [string, string] => [
        name,
        `${appUrl(name as ServiceName)}/health/live`,
      ]),
    ];
    const problems: string[] = [];
    for (const [where, url] of targets) {
      const response = await fetch(url, { redirect: 'manual' });
      problems.push(...checkHelmet(where, response.headers));
    }
    expect(problems).toEqual([]);
  });

  it('answers a preflight from the portal origin, and gives any other origin no CORS headers', async () => {
    const preflight = (origin: string) =>
      fetch(`${gateway}/api/auth/login`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,authorization',
        },
      });
    const portal = await preflight(PORTAL_ORIGIN);
    expect(portal.status).toBeLessThan(300);
    expect(portal.headers.get('access-control-allow-origin')).toBe(PORTAL_ORIGIN);
    expect(portal.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(portal.headers.get('access-control-allow-credentials')).toBeNull();

    const other = await preflight(OTHER_ORIGIN);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${gateway}/api/auth/jwks.json`, {
      headers: { Origin: OTHER_ORIGIN },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    for (const name of SERVICE_NAMES.filter((service) => service !== 'gateway')) {
      const direct = await fetch(`${appUrl(name as ServiceName)}/health/live`, {
        method: 'OPTIONS',
        headers: { Origin: OTHER_ORIGIN, 'Access-Control-Request-Method': 'GET' },
      });
      expect({ name, acao: direct.headers.get('access-control-allow-origin') }).toEqual({
        name,
        acao: null,
      });
    }
  });

  it('sets no cookies on sign-in, refresh or the portal (and would need HttpOnly; Secure; SameSite)', async () => {
    const login = await fetch(`${gateway}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    const tokens = (await login.json()) as LoginAnswer;
    const refresh = await fetch(`${gateway}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: tokens.refreshToken }),
    });
    const portal = await fetch(`${gateway}/`);
    for (const response of [login, refresh, portal]) {
      for (const cookie of response.headers.getSetCookie()) {
        expect(cookie).toMatch(/;\s*HttpOnly/i);
        expect(cookie).toMatch(/;\s*Secure/i);
        expect(cookie).toMatch(/;\s*SameSite=(Strict|Lax)/i);
      }
    }
  });
});
