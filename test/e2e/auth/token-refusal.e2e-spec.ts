/**
 * Every service refuses what identity did not sign, and what identity has revoked: tokens
 * sent straight to each service (not through the gateway, which checks nothing), against
 * the real stack. Expired tokens and wrong issuer/audience need identity's private key to
 * forge, so they are proven in libs/auth/src/guards/access-token.guard.spec.ts with a local
 * key pair and JWKS; here the forgeries are the ones an attacker can actually make.
 */
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { SERVICE_NAMES, ServiceName } from '@metered/service-kit';
import {
  generateTestKeyPair,
  publicKeyPemOf,
  resignedWith,
  signRs256,
  tamperedClaims,
  withAlgNone,
  withHs256PublicKey,
} from '../../../libs/auth/testing/token-forgery';
import {
  ApiAnswer,
  GatewayClient,
  LoginAnswer,
  pollUntil,
} from '../../../tools/stack/src/demo/gateway-client';
import { MailCapture } from '../../../tools/stack/src/demo/mail-capture';
import { RegistrationFlow } from '../../../tools/stack/src/demo/registration-flow';
import { importTestDevices } from '../../support/registration/master-data.fixture';
import { registrationRequest } from '../../support/registration/registration-request.fixture';
import { testStackEnv, useApps } from '../../support/stack-env';

const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };
const CUSTOMER_PASSWORD = 'Cyan-Toner-Carton-2026';

/**
 * One endpoint per service that needs a token. ordering imports AuthModule but has no
 * protected endpoint yet: add its first one here.
 */
const PROTECTED: ReadonlyArray<{ service: ServiceName; path: string }> = [
  { service: 'identity', path: '/auth/me' },
  { service: 'registry', path: '/device-models' },
  { service: 'notifications', path: '/emails?to=nobody%40example.com' },
];
/** Services whose own `revoked_sessions` collection must receive the revocation. */
const CONSUMING: readonly ServiceName[] = ['identity', 'registry', 'notifications'];

type ErrorBody = { statusCode: number; message: string };

describe('access tokens refused by every service (real stack)', () => {
  let clients: Record<ServiceName, GatewayClient>;
  let gateway: GatewayClient;
  let admin: LoginAnswer;
  let identityKeyPem: string;
  let identityKid: string;

  const callAs = (service: ServiceName, path: string, token?: string) =>
    clients[service].call<ErrorBody>(path, { token });

  beforeAll(async () => {
    const urls = await useApps(SERVICE_NAMES);
    clients = Object.fromEntries(
      SERVICE_NAMES.map((name) => [name, new GatewayClient(urls[name])]),
    ) as Record<ServiceName, GatewayClient>;
    gateway = clients.gateway;
    admin = await gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN });
    const jwks = await clients.identity.expect<{ keys: { kid: string; n: string; e: string }[] }>(
      200,
      '/auth/jwks.json',
    );
    identityKid = JSON.parse(Buffer.from(admin.accessToken.split('.')[0], 'base64url').toString())
      .kid as string;
    const published = jwks.keys.find((key) => key.kid === identityKid);
    if (!published) throw new Error(`identity's JWKS does not list kid ${identityKid}`);
    identityKeyPem = publicKeyPemOf(published);
  }, 600000);

  it('accepts a token identity signed, in every service', async () => {
    for (const { service, path } of PROTECTED) {
      const answer = await callAs(service, path, admin.accessToken);
      expect({ service, status: answer.status }).toEqual({ service, status: 200 });
    }
  });

  describe.each(PROTECTED)('$service $path', ({ service, path }) => {
    // Each forgery keeps the admin's claims, so only the missing trust can explain a refusal.
    const forgeries: Array<[string, () => string | undefined, RegExp]> = [
      ['no token at all', () => undefined, /missing bearer/],
      [
        "a signature by another key under identity's kid",
        () => resignedWith(admin.accessToken, generateTestKeyPair().privateKey),
        /signature/,
      ],
      [
        'claims edited after signing (another user)',
        () => tamperedClaims(admin.accessToken, { sub: randomUUID(), email: 'eve@example.com' }),
        /signature/,
      ],
      ['alg none', () => withAlgNone(admin.accessToken), /algorithm "none"/],
      [
        "HS256 keyed with identity's public key",
        () => withHs256PublicKey(admin.accessToken, identityKeyPem),
        /algorithm "HS256"/,
      ],
      [
        'a key identity never published',
        () => signRs256(generateTestKeyPair(), claimsOf(admin.accessToken)),
        /unknown key/,
      ],
      [
        'a kid of identity but signed by us',
        () => signRs256(generateTestKeyPair(identityKid), claimsOf(admin.accessToken)),
        /signature/,
      ],
    ];

    it.each(forgeries)('refuses %s with 401', async (_case, token, message) => {
      const answer = await callAs(service, path, token());
      expect(answer.status).toBe(401);
      expect(answer.body.message).toMatch(message);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="metered-supplies"/);
    });
  });

  it('refuses the tokens of a logged-out session in every service within seconds, and only those', async () => {
    const session = await gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN });
    const sessionId = claimsOf(session.accessToken).sid as string;
    for (const { service, path } of PROTECTED) {
      expect((await callAs(service, path, session.accessToken)).status).toBe(200);
    }

    await clients.identity.expect(204, '/auth/logout', {
      token: session.accessToken,
      body: { refreshToken: session.refreshToken },
    });
    const loggedOutAt = Date.now();

    for (const { service, path } of PROTECTED) {
      const answer = await pollUntil(
        () => callAs(service, path, session.accessToken),
        (result: ApiAnswer<ErrorBody>) => result.status !== 200,
        { timeoutMs: 20000, intervalMs: 200 },
      );
      expect({ service, status: answer.status }).toEqual({ service, status: 401 });
      expect(answer.body.message).toMatch(/session/i);
    }
    // Revocation travels identity outbox → Kafka → each service; seconds, not minutes.
    expect(Date.now() - loggedOutAt).toBeLessThan(20000);

    // The admin's other session is untouched.
    for (const { service, path } of PROTECTED) {
      expect((await callAs(service, path, admin.accessToken)).status).toBe(200);
    }

    // Stored in each service's own database, where every replica of the service looks.
    const env = testStackEnv();
    const mongo = await MongoClient.connect(env.MONGO_URL);
    try {
      for (const service of CONSUMING) {
        const entry = await mongo
          .db(`${env.MONGO_DB_PREFIX}_${service}`)
          .collection<{ _id: string; reason: string; expiresAt: Date }>('revoked_sessions')
          .findOne({ _id: sessionId });
        expect({ service, reason: entry?.reason }).toEqual({ service, reason: 'logout' });
        expect(entry?.expiresAt.getTime()).toBeGreaterThan(Date.now());
      }
    } finally {
      await mongo.close();
    }
  });

  it('keeps a customer out of staff endpoints in every service (403), but lets them in as themselves', async () => {
    const mail = new MailCapture(testStackEnv().MAIL_CAPTURE_URL);
    const flow = new RegistrationFlow(gateway, mail);
    const devices = await importTestDevices(gateway, admin.accessToken, 1);
    const request = registrationRequest(devices.eligible);
    await flow.registerApproveAndActivate(admin.accessToken, request, CUSTOMER_PASSWORD);
    const customer = await gateway.expect<LoginAnswer>(200, '/api/auth/login', {
      body: { email: request.email, password: CUSTOMER_PASSWORD },
    });
    expect(customer.user.roles).toEqual(['customer']);

    const staffOnly: Array<{ service: ServiceName; path: string }> = [
      { service: 'identity', path: '/registrations' },
      { service: 'identity', path: '/users' },
      { service: 'registry', path: '/device-models' },
      { service: 'notifications', path: '/emails?to=nobody%40example.com' },
    ];
    for (const { service, path } of staffOnly) {
      const answer = await callAs(service, path, customer.accessToken);
      expect({ service, path, status: answer.status }).toEqual({ service, path, status: 403 });
    }
    expect((await callAs('identity', '/auth/me', customer.accessToken)).status).toBe(200);
  });
});

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<
    string,
    unknown
  >;
}
