/**
 * Registration is open to anyone and mails the address it is given, so it is limited like
 * forgot-password: per client address (REGISTRATION_MAX_PER_IP, 10 per hour: 429 with
 * Retry-After beyond, nothing stored) and per email address (REGISTRATION_MAX_PER_EMAIL, 3
 * accepted requests per hour — each one mails that address). Each test client is its own
 * 127.x.y.z address; the rest of the suites call from 127.0.0.1, which the test stack exempts
 * (REGISTRATION_UNLIMITED_ADDRESSES, see test/support/global-setup.ts).
 */
import { SERVICE_NAMES } from '@metered/service-kit';
import { GatewayClient, LoginAnswer } from '../../tools/stack/src/demo/gateway-client';
import { IdentityDatabase } from '../support/identity/registration-intake.support';
import { uniqueTag } from '../support/registration/master-data.fixture';
import { registrationRequest } from '../support/registration/registration-request.fixture';
import { useApps } from '../support/stack-env';
import { postFrom, randomLoopbackAddress } from './support/loopback-client';

const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };
/** identity's defaults. */
const PER_ADDRESS = 10;
const PER_EMAIL = 3;

describe('registration limits (real stack, through the gateway)', () => {
  let gatewayUrl: string;
  let gateway: GatewayClient;
  let adminToken: string;
  const identity = new IdentityDatabase();

  beforeAll(async () => {
    gatewayUrl = (await useApps(SERVICE_NAMES)).gateway;
    gateway = new GatewayClient(gatewayUrl);
    adminToken = (await gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN }))
      .accessToken;
    await identity.open();
  }, 600000);

  afterAll(() => identity.close());

  const serial = () => `LIM${uniqueTag(9)}`;

  it(`answers 429 with Retry-After after ${PER_ADDRESS} requests from one client address, and stores nothing`, async () => {
    const client = randomLoopbackAddress();
    for (let i = 0; i < PER_ADDRESS; i++) {
      const answer = await postFrom(
        gatewayUrl,
        '/api/registrations',
        registrationRequest([serial()]),
        client,
      );
      expect(answer.status).toBe(202);
    }
    const over = registrationRequest([serial()]);
    const refused = await postFrom<{ message: string }>(
      gatewayUrl,
      '/api/registrations',
      over,
      client,
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.message).toMatch(/too many registration requests from this address/);
    expect(await identity.registrationsFor(over.email)).toBe(0);

    // Another address is not affected.
    const other = await postFrom(
      gatewayUrl,
      '/api/registrations',
      registrationRequest([serial()]),
      randomLoopbackAddress(),
    );
    expect(other.status).toBe(202);
  });

  it(`accepts at most ${PER_EMAIL} requests per email address and hour, from any addresses`, async () => {
    const email = `limited.${uniqueTag(8).toLowerCase()}@e2e.example.com`;
    for (let i = 0; i < PER_EMAIL; i++) {
      const accepted = await postFrom<{ registrationId: string }>(
        gatewayUrl,
        '/api/registrations',
        registrationRequest([serial()], { email }),
        randomLoopbackAddress(),
      );
      expect(accepted.status).toBe(202);
      // Rejected at once, which frees the email for the next request.
      await gateway.expect(200, `/api/registrations/${accepted.body.registrationId}/reject`, {
        token: adminToken,
        body: { reason: 'Testing the limit' },
      });
    }
    const refused = await postFrom<{ message: string }>(
      gatewayUrl,
      '/api/registrations',
      registrationRequest([serial()], { email }),
      randomLoopbackAddress(),
    );
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/too many registration requests for this email/);
    expect(await identity.registrationsFor(email)).toBe(PER_EMAIL);
  });
});
