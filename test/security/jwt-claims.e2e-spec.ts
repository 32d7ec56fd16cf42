/**
 * JWT claim attacks against every service of the real stack, signed with identity's REAL key
 * (read from the test database, where the local stack's identity keeps its generated key):
 * only the claim under attack differs from a genuine admin token, so the signature cannot
 * explain a refusal. alg none, HS/RS confusion, foreign keys and revoked sessions are in
 * test/e2e/auth/token-refusal.e2e-spec.ts; refresh-token reuse ending the whole session in
 * test/e2e/identity/sign-in.e2e-spec.ts.
 */
import type { KeyObject } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { SERVICE_NAMES, ServiceName } from '@metered/service-kit';
import { GatewayClient, LoginAnswer } from '../../tools/stack/src/demo/gateway-client';
import { appUrl, useApps } from '../support/stack-env';
import { identitySigningKey } from '../support/identity/identity-signing-key';

const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };

/** One admin-readable endpoint per service, called directly (the gateway checks nothing). */
const PROTECTED: ReadonlyArray<{ service: ServiceName; path: string }> = [
  { service: 'identity', path: '/auth/me' },
  { service: 'registry', path: '/device-models' },
  { service: 'ordering', path: '/orders?limit=1' },
  { service: 'notifications', path: '/emails?to=nobody%40example.com' },
  { service: 'operations', path: '/audit?limit=1' },
];

describe('JWT claims under attack, signed with the real key (real stack)', () => {
  let claims: Record<string, unknown>;
  let key: { kid: string; privateKey: KeyObject };
  const services = PROTECTED.filter(({ service }) => SERVICE_NAMES.includes(service));

  const forge = (changes: Record<string, unknown>) => {
    const payload = Object.fromEntries(
      Object.entries({ ...claims, ...changes }).filter(([, value]) => value !== undefined),
    );
    return sign(payload, key.privateKey, { algorithm: 'RS256', keyid: key.kid });
  };
  const call = (service: ServiceName, path: string, token: string) =>
    new GatewayClient(appUrl(service)).call<{ message: string }>(path, { token });

  beforeAll(async () => {
    const urls = await useApps(SERVICE_NAMES);
    const admin = await new GatewayClient(urls.gateway).expect<LoginAnswer>(
      200,
      '/api/auth/login',
      {
        body: ADMIN,
      },
    );
    claims = JSON.parse(Buffer.from(admin.accessToken.split('.')[1], 'base64url').toString());
    key = await identitySigningKey();
  }, 600000);

  it('accepts the genuine claims re-signed with the real key (the forgeries below differ only in one claim)', async () => {
    for (const { service, path } of services) {
      expect({ service, status: (await call(service, path, forge({}))).status }).toEqual({
        service,
        status: 200,
      });
    }
  });

  const now = () => Math.floor(Date.now() / 1000);
  const attacks: Array<[string, () => Record<string, unknown>, RegExp]> = [
    ['expired (exp 2 minutes ago)', () => ({ iat: now() - 600, exp: now() - 120 }), /expired/],
    ['not valid yet (nbf in 10 minutes)', () => ({ nbf: now() + 600 }), /not valid yet/],
    [
      'issued in the future (iat in 10 minutes)',
      () => ({ iat: now() + 600, exp: now() + 1200 }),
      /not valid yet/,
    ],
    ['without an expiry', () => ({ exp: undefined }), /expiry/],
    ['a wrong issuer', () => ({ iss: 'metered-supplies/attacker' }), /issuer/],
    ['a wrong audience', () => ({ aud: 'another-app' }), /audience/],
    ['an unknown role', () => ({ roles: ['superuser'] }), /roles/],
  ];

  it.each(attacks)(
    'refuses a token %s in every service with 401',
    async (_name, changes, message) => {
      const token = forge(changes());
      for (const { service, path } of services) {
        const answer = await call(service, path, token);
        expect({ service, status: answer.status }).toEqual({ service, status: 401 });
        expect(answer.body.message).toMatch(message);
      }
    },
  );
});
