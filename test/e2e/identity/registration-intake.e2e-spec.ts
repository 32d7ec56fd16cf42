/**
 * Identity's registration intake against the real stack, through the gateway: a complete
 * request is stored and announced on Kafka; every kind of bad input is a 400 naming the
 * field, stores nothing, and an email in use is a 409; the registry's checks (published
 * to real Kafka here) move the request to the validator's queue.
 */
import 'reflect-metadata';
import { RegistrationRequestedPayload } from '@metered/contracts';
import { SERVICE_NAMES } from '@metered/service-kit';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { RegistrationView } from '../../../tools/stack/src/demo/registration-flow';
import { KafkaTestClient } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';
import {
  eligible,
  IdentityDatabase,
  publishSerialChecks,
  RegistrationEvents,
  unknown,
} from '../../support/identity/registration-intake.support';
import { uniqueTag } from '../../support/registration/master-data.fixture';
import { registrationRequest } from '../../support/registration/registration-request.fixture';
import { useApps } from '../../support/stack-env';

const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };

type Request = ReturnType<typeof registrationRequest>;
type Errors = { errors: { field: string; reason: string }[] };

const serial = () => `IDR${uniqueTag(9)}`;

describe('registration intake (identity, real stack, through the gateway)', () => {
  const kafka = new KafkaTestClient();
  const events = new RegistrationEvents(kafka);
  const database = new IdentityDatabase();
  let api: GatewayClient;
  let admin: string;

  beforeAll(async () => {
    const urls = await useApps(SERVICE_NAMES);
    api = new GatewayClient(urls.gateway);
    await Promise.all([events.start(), database.open()]);
    admin = (await api.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN })).accessToken;
  }, 600000);

  afterAll(async () => {
    await Promise.all([kafka.close(), database.close()]);
  });

  const register = (body: unknown) =>
    api.call<Errors & { registrationId: string }>('/api/registrations', { body });
  const view = (id: string) =>
    api.expect<RegistrationView>(200, `/api/registrations/${id}`, { token: admin });

  it('stores a complete request (email and serials normalised) and publishes RegistrationRequested', async () => {
    const typed = [` ${serial().toLowerCase()} `, serial()];
    const request = registrationRequest(typed);
    const answer = await register({ ...request, email: `  ${request.email.toUpperCase()} ` });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ registrationId: expect.any(String), status: 'awaiting-checks' });
    const { registrationId } = answer.body;

    const requested = await events.waitFor<RegistrationRequestedPayload>(
      'RegistrationRequested',
      registrationId,
    );
    expect(requested.producer).toBe('identity');
    expect(requested.payload).toMatchObject({
      registrationId,
      email: request.email,
      company: request.company,
      country: 'US',
      serials: typed.map((value) => value.trim().toUpperCase()),
      shipTo: request.shipTo,
    });
    const stored = await view(registrationId);
    expect(stored).toMatchObject({ email: request.email, serials: requested.payload.serials });
    expect(stored.decision).toBeNull();
  });

  describe('bad input: 400 naming the field, nothing stored', () => {
    const cases: [string, (request: Request) => unknown, string][] = [
      ['an invalid email', (r) => ({ ...r, email: 'not-an-email' }), 'email'],
      ['a phone that is no number', (r) => ({ ...r, phone: 'call me maybe' }), 'phone'],
      ['an unknown country', (r) => ({ ...r, country: 'XX' }), 'country'],
      ['an empty company', (r) => ({ ...r, company: '   ' }), 'company'],
      ['a too long contact name', (r) => ({ ...r, contactName: 'x'.repeat(121) }), 'contactName'],
      ['no ship-to address', (r) => ({ ...r, shipTo: undefined }), 'shipTo'],
      [
        'a ship-to without a postal code',
        (r) => ({ ...r, shipTo: { ...r.shipTo, postalCode: '' } }),
        'shipTo.postalCode',
      ],
      [
        'a ship-to in another country',
        (r) => ({ ...r, shipTo: { ...r.shipTo, country: 'CA' } }),
        'shipTo.country',
      ],
      ['no serials', (r) => ({ ...r, serials: [] }), 'serials'],
      ['51 serials', (r) => ({ ...r, serials: Array.from({ length: 51 }, serial) }), 'serials'],
      ['a malformed serial', (r) => ({ ...r, serials: [serial(), 'AB-12345'] }), 'serials.1'],
      [
        'a serial listed twice',
        (r) => ({ ...r, serials: [r.serials[0], ` ${r.serials[0].toLowerCase()}`] }),
        'serials.1',
      ],
      ['an unknown property', (r) => ({ ...r, role: 'admin' }), 'role'],
      [
        'an unknown ship-to property',
        (r) => ({ ...r, shipTo: { ...r.shipTo, floor: '3' } }),
        'shipTo.floor',
      ],
    ];

    it.each(cases)('%s', async (_case, change, field) => {
      const request = registrationRequest([serial()]);
      const answer = await register(change(request));
      expect(answer.status).toBe(400);
      expect(answer.body.errors.map((error) => error.field)).toContain(field);
      expect(await database.registrationsFor(request.email)).toBe(0);
    });

    it('names every missing field at once', async () => {
      const answer = await register({});
      expect(answer.status).toBe(400);
      const fields = answer.body.errors.map((error) => error.field);
      for (const field of [
        'company',
        'contactName',
        'email',
        'phone',
        'country',
        'shipTo',
        'serials',
      ]) {
        expect(fields).toContain(field);
      }
    });

    it('refuses an oversized body with 413', async () => {
      const request = registrationRequest([serial()], { company: 'x'.repeat(200_000) });
      expect((await register(request)).status).toBe(413);
      expect(await database.registrationsFor(request.email)).toBe(0);
    });
  });

  describe('an email in use: 409', () => {
    it('while a request with the same email (any case) is open', async () => {
      const request = registrationRequest([serial()]);
      expect((await register(request)).status).toBe(202);
      const again = await register({
        ...request,
        email: request.email.toUpperCase(),
        serials: [serial()],
      });
      expect(again.status).toBe(409);
      expect(await database.registrationsFor(request.email)).toBe(1);
    });

    it('when the email already has a user', async () => {
      const answer = await register(
        registrationRequest([serial()], { email: 'Admin@Metered.Local' }),
      );
      expect(answer.status).toBe(409);
      expect(await database.registrationsFor(ADMIN.email)).toBe(0);
    });

    it('for all but one of concurrent requests with the same email', async () => {
      const request = registrationRequest([serial()]);
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => register({ ...request, serials: [serial()] })),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([202, 409, 409, 409, 409]);
      expect(await database.registrationsFor(request.email)).toBe(1);
    });
  });

  it("moves a request to pending review with the registry's results (SerialsValidated on Kafka)", async () => {
    const serials = [serial(), serial()];
    const { body } = await register(registrationRequest(serials));
    const published = await publishSerialChecks(kafka, body.registrationId, [
      eligible(serials[0]),
      unknown(serials[1]),
    ]);
    const reviewed = await waitFor(`checks of ${body.registrationId}`, async () => {
      const current = await view(body.registrationId);
      return current.checks?.checkedAt === published.payload.checkedAt && current;
    });
    expect(reviewed.status).toBe('pending-review');
    expect(reviewed.checks).toEqual({
      checkedAt: published.payload.checkedAt,
      allEligible: false,
      results: [eligible(serials[0]), unknown(serials[1])],
    });
    // A redelivery or an older check changes nothing.
    await publishSerialChecks(
      kafka,
      body.registrationId,
      [unknown(serials[0]), unknown(serials[1])],
      new Date(),
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await view(body.registrationId)).checks).toEqual(reviewed.checks);
  });

  it('lists open requests for validators, newest first, in bounded pages', async () => {
    const first = (await register(registrationRequest([serial()]))).body.registrationId;
    const second = (await register(registrationRequest([serial()]))).body.registrationId;
    const { items } = await api.expect<{ items: RegistrationView[] }>(
      200,
      '/api/registrations?limit=100',
      { token: admin },
    );
    const ids = items.map((item) => item.registrationId);
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
    expect(ids.indexOf(second)).toBeGreaterThanOrEqual(0);
    expect(items.every((item) => ['awaiting-checks', 'pending-review'].includes(item.status))).toBe(
      true,
    );
    const page = await api.expect<{ items: RegistrationView[] }>(
      200,
      '/api/registrations?limit=1',
      { token: admin },
    );
    expect(page.items).toHaveLength(1);
    expect((await api.call('/api/registrations?limit=1000', { token: admin })).status).toBe(400);
    expect((await api.call('/api/registrations?status=lost', { token: admin })).status).toBe(400);
    expect(
      (await api.call(`/api/registrations/${crypto.randomUUID()}`, { token: admin })).status,
    ).toBe(404);
  });
});
