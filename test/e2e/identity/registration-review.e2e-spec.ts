/**
 * The validator's decision against the real stack, through the gateway: approval creates
 * the account's user once and publishes RegistrationApproved with the chosen serials;
 * rejection publishes the reason and frees the email; a second decision is a 409; callers
 * without the validator or admin role are kept out.
 */
import 'reflect-metadata';
import { RegistrationApprovedPayload, RegistrationRejectedPayload } from '@metered/contracts';
import { SERVICE_NAMES } from '@metered/service-kit';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { linkIn, MailCapture, tokenOf } from '../../../tools/stack/src/demo/mail-capture';
import { RegistrationView } from '../../../tools/stack/src/demo/registration-flow';
import { KafkaTestClient } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';
import {
  eligible,
  publishSerialChecks,
  RegistrationEvents,
  unknown,
} from '../../support/identity/registration-intake.support';
import { importTestDevices, uniqueTag } from '../../support/registration/master-data.fixture';
import { registrationRequest } from '../../support/registration/registration-request.fixture';
import { testStackEnv, useApps } from '../../support/stack-env';

const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };
const PASSWORD = 'Toner-Bottle-Carton-77';

type Errors = { errors: { field: string; reason: string }[] };
interface UserView {
  userId: string;
  email: string;
  roles: string[];
  accountId?: string;
}

describe('registration review (identity, real stack, through the gateway)', () => {
  const kafka = new KafkaTestClient();
  const events = new RegistrationEvents(kafka);
  let api: GatewayClient;
  let admin: LoginAnswer;

  beforeAll(async () => {
    const urls = await useApps(SERVICE_NAMES);
    api = new GatewayClient(urls.gateway);
    await events.start();
    admin = await api.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN });
  }, 600000);

  afterAll(() => kafka.close());

  const call = <T = RegistrationView & Errors>(
    path: string,
    body?: unknown,
    token = admin.accessToken,
  ) => api.call<T>(`/api/registrations${path}`, { token, body });

  /** A request whose checks are in: the first `eligibleCount` serials eligible, the rest unknown. */
  async function reviewedRequest(serials: string[], eligibleCount: number) {
    const request = registrationRequest(serials);
    const { registrationId } = await api.expect<{ registrationId: string }>(
      202,
      '/api/registrations',
      {
        body: request,
      },
    );
    const results = serials.map((s, i) => (i < eligibleCount ? eligible(s) : unknown(s)));
    const published = await publishSerialChecks(kafka, registrationId, results);
    await waitFor(`checks of ${registrationId}`, async () => {
      const { body } = await call<RegistrationView>(`/${registrationId}`);
      return body.checks?.checkedAt === published.payload.checkedAt;
    });
    return { request, registrationId };
  }

  it('approves the eligible serials once, even when two validators approve at once: one user, one RegistrationApproved, 409 for the rest', async () => {
    // Real devices, so that the registry can link what is approved.
    const devices = await importTestDevices(api, admin.accessToken, 2);
    const unknownSerial = `IDR${uniqueTag(9)}`;
    const { request, registrationId } = await reviewedRequest(
      [...devices.eligible, unknownSerial],
      2,
    );

    const foreign = await call(`/${registrationId}/approve`, {
      serials: [devices.eligible[0], unknownSerial],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors.map((error) => error.field)).toEqual(['serials.1']);

    // Two validators at once: one approval, one 409, and (below) one user, one event.
    const answers = await Promise.all([
      call(`/${registrationId}/approve`, {}),
      call(`/${registrationId}/approve`, {}),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const approved = answers.find((answer) => answer.status === 200)!;
    expect(approved.body.status).toBe('approved');
    const decision = approved.body.decision!;
    expect(decision.approvedSerials).toEqual(devices.eligible);
    expect(decision.decidedBy).toBe(admin.user.userId);

    const event = await events.waitFor<RegistrationApprovedPayload>(
      'RegistrationApproved',
      registrationId,
    );
    expect(event.payload).toMatchObject({
      registrationId,
      accountId: decision.accountId,
      email: request.email,
      serials: devices.eligible,
      shipTo: request.shipTo,
      approvedBy: admin.user.userId,
    });

    const { items } = await api.expect<{ items: UserView[] }>(200, '/api/users', {
      token: admin.accessToken,
    });
    const users = items.filter((user) => user.email === request.email);
    expect(users).toEqual([
      expect.objectContaining({
        userId: event.payload.userId,
        roles: ['customer'],
        accountId: decision.accountId,
      }),
    ]);

    expect((await call(`/${registrationId}/approve`, {})).status).toBe(409);
    expect((await call(`/${registrationId}/reject`, { reason: 'too late' })).status).toBe(409);
    expect(events.of('RegistrationApproved', registrationId)).toHaveLength(1);
    // The email now has a user.
    expect(
      (await api.call('/api/registrations', { body: { ...request, serials: [unknownSerial] } }))
        .status,
    ).toBe(409);
  });

  it('lets exactly one of two validators deciding at once win', async () => {
    const { registrationId } = await reviewedRequest([`IDR${uniqueTag(9)}`], 0);
    const answers = await Promise.all([
      call(`/${registrationId}/reject`, { reason: 'first' }),
      call(`/${registrationId}/reject`, { reason: 'second' }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    await events.waitFor('RegistrationRejected', registrationId);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(events.of('RegistrationRejected', registrationId)).toHaveLength(1);
  });

  it('refuses to approve when no serial is eligible', async () => {
    const { registrationId } = await reviewedRequest([`IDR${uniqueTag(9)}`], 0);
    expect((await call(`/${registrationId}/approve`, {})).status).toBe(409);
    expect((await call<RegistrationView>(`/${registrationId}`)).body.status).toBe('pending-review');
  });

  it('rejects with a reason: RegistrationRejected, and the email may register again', async () => {
    const { request, registrationId } = await reviewedRequest([`IDR${uniqueTag(9)}`], 1);
    expect((await call(`/${registrationId}/reject`, { reason: '' })).body.errors[0].field).toBe(
      'reason',
    );
    expect((await call(`/${registrationId}/reject`, { reason: 'x'.repeat(1001) })).status).toBe(
      400,
    );
    const reason = 'We could not find a Metered Supplies contract for your company.';
    const rejected = await call(`/${registrationId}/reject`, { reason });
    expect(rejected.status).toBe(200);
    expect(rejected.body.decision).toMatchObject({ reason, decidedBy: admin.user.userId });
    const event = await events.waitFor<RegistrationRejectedPayload>(
      'RegistrationRejected',
      registrationId,
    );
    expect(event.payload).toMatchObject({
      registrationId,
      reason,
      email: request.email,
      rejectedBy: admin.user.userId,
    });
    expect((await call(`/${registrationId}/approve`, {})).status).toBe(409);
    expect((await api.call('/api/registrations', { body: request })).status).toBe(202);
  });

  it('keeps anonymous callers (401) and other roles (403) out of the validator endpoints', async () => {
    const { registrationId } = await reviewedRequest([`IDR${uniqueTag(9)}`], 1);
    const paths: [string, unknown][] = [
      ['', undefined],
      [`/${registrationId}`, undefined],
      [`/${registrationId}/approve`, {}],
      [`/${registrationId}/reject`, { reason: 'no' }],
    ];
    const helpdesk = await helpdeskToken();
    for (const [path, body] of paths) {
      expect((await api.call(`/api/registrations${path}`, { body })).status).toBe(401);
      expect((await call(path, body, 'not-a-token')).status).toBe(401);
      expect((await call(path, body, helpdesk)).status).toBe(403);
    }
    expect((await call<RegistrationView>(`/${registrationId}`)).body.status).toBe('pending-review');
  });

  /** A staff user without the validator role, signed in through the emailed set-password link. */
  async function helpdeskToken(): Promise<string> {
    const email = `helpdesk.${uniqueTag(8).toLowerCase()}@e2e.example.com`;
    await api.expect(201, '/api/users', {
      token: admin.accessToken,
      body: { email, name: 'Hal Helpdesk', roles: ['helpdesk'], country: 'US' },
    });
    const mail = new MailCapture(testStackEnv().MAIL_CAPTURE_URL);
    const token = tokenOf(
      linkIn(await mail.waitFor(email, /login details/i, 45000), '/set-password'),
    );
    await api.expect(204, '/api/auth/password/setup', { body: { token, password: PASSWORD } });
    return (
      await api.expect<LoginAnswer>(200, '/api/auth/login', { body: { email, password: PASSWORD } })
    ).accessToken;
  }
});
