/**
 * The same session rules in every service, asked through the gateway as a client would:
 * tokens signed with identity's REAL key (an attacker who got hold of it) that break one
 * rule — a lifetime longer than the shared maximum, a session identity never issued — are
 * refused by each service with 401. Only the claim under attack differs from a genuine admin
 * token.
 */
import { KeyObject, randomUUID } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { SERVICE_NAMES, ServiceName } from '@metered/service-kit';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { identitySigningKey } from '../../support/identity/identity-signing-key';
import { useApps } from '../../support/stack-env';

const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };

/** One admin-readable endpoint of each service, under the gateway's /api. */
const PROTECTED: ReadonlyArray<{ service: ServiceName; path: string }> = [
  { service: 'identity', path: '/api/auth/me' },
  { service: 'registry', path: '/api/device-models' },
  { service: 'ordering', path: '/api/orders?limit=1' },
  { service: 'notifications', path: '/api/emails?to=nobody%40example.com' },
  { service: 'operations', path: '/api/audit?limit=1' },
];

type ErrorBody = { message: string };

describe('session rules, the same in every service (real stack, through the gateway)', () => {
  let gateway: GatewayClient;
  let claims: Record<string, unknown>;
  let key: { kid: string; privateKey: KeyObject };

  const now = () => Math.floor(Date.now() / 1000);
  const forge = (changes: Record<string, unknown>) =>
    sign({ ...claims, ...changes }, key.privateKey, { algorithm: 'RS256', keyid: key.kid });
  const statuses = async (token: string) => {
    const answers = [];
    for (const { service, path } of PROTECTED) {
      const answer = await gateway.call<ErrorBody>(path, { token });
      answers.push({ service, status: answer.status, message: answer.body?.message });
    }
    return answers;
  };

  beforeAll(async () => {
    const urls = await useApps(SERVICE_NAMES);
    gateway = new GatewayClient(urls.gateway);
    const admin = await gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN });
    claims = JSON.parse(Buffer.from(admin.accessToken.split('.')[1], 'base64url').toString());
    key = await identitySigningKey();
  }, 600000);

  it('accepts the genuine claims re-signed with the real key (so only the changed claim explains a refusal)', async () => {
    for (const answer of await statuses(forge({}))) {
      expect({ service: answer.service, status: answer.status }).toEqual({
        service: answer.service,
        status: 200,
      });
    }
  });

  it('refuses a token whose lifetime is ten years in every service with 401', async () => {
    const token = forge({ iat: now(), exp: now() + 10 * 365 * 86_400 });
    for (const answer of await statuses(token)) {
      expect(answer).toEqual({
        service: answer.service,
        status: 401,
        message: expect.stringMatching(/lifetime/),
      });
    }
  });

  it('refuses a token naming a session identity never issued in every service with 401', async () => {
    const token = forge({ sid: randomUUID(), jti: randomUUID() });
    for (const answer of await statuses(token)) {
      expect(answer).toEqual({
        service: answer.service,
        status: 401,
        message: expect.stringMatching(/session/),
      });
    }
    // The verdict is remembered: asked again, every service still refuses.
    for (const answer of await statuses(token)) {
      expect({ service: answer.service, status: answer.status }).toEqual({
        service: answer.service,
        status: 401,
      });
    }
  });
});
