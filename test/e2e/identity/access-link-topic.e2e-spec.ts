/**
 * Issue 18 (2): the one-time links identity sends notifications are sealed. An outside reader
 * of `identity.access-link.v1` — any Kafka client, no key — finds neither the token nor the
 * link the person is emailed in any message (raw bytes searched, value and headers), while the
 * emailed link still sets the password: after a registration approval (LoginDetailsIssued) and
 * after a forgotten password (PasswordResetRequested).
 */
import 'reflect-metadata';
import { Topics } from '@metered/contracts';
import { SERVICE_NAMES } from '@metered/service-kit';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { linkIn, MailCapture, tokenOf } from '../../../tools/stack/src/demo/mail-capture';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';
import { eligible, publishSerialChecks } from '../../support/identity/registration-intake.support';
import { importTestDevices } from '../../support/registration/master-data.fixture';
import { registrationRequest } from '../../support/registration/registration-request.fixture';
import { testStackEnv, useApps } from '../../support/stack-env';

const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };
const FIRST_PASSWORD = 'Sealed-Toner-Carton-41';
const NEW_PASSWORD = 'Sealed-Cyan-Bottle-58';

describe('identity.access-link.v1 carries no usable link (real stack)', () => {
  const kafka = new KafkaTestClient();
  let api: GatewayClient;
  let mail: MailCapture;
  let admin: LoginAnswer;
  let topic: SeenMessage[];

  beforeAll(async () => {
    const urls = await useApps(SERVICE_NAMES);
    api = new GatewayClient(urls.gateway);
    mail = new MailCapture(testStackEnv().MAIL_CAPTURE_URL);
    // An outsider's view: its own group, from the beginning, no key.
    topic = await kafka.collect([Topics.IdentityAccessLink]);
    admin = await api.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN });
  }, 600000);

  afterAll(() => kafka.close());

  /** The user's events on the topic, once `type` is among them. */
  async function eventsOf(userId: string, type: string): Promise<SeenMessage[]> {
    return waitFor(`${type} of ${userId} on ${Topics.IdentityAccessLink}`, () => {
      const mine = topic.filter((message) => message.key === userId);
      return mine.some((message) => message.headers['event-type'] === type) && mine;
    });
  }

  /** Neither the link nor its token, in any encoding a reader could try, in any message. */
  function expectNowhere(link: string, token: string): void {
    const needles = [token, encodeURIComponent(token), link, Buffer.from(token).toString('base64')];
    for (const message of topic) {
      const raw = `${message.key ?? ''}\n${message.value ?? ''}\n${JSON.stringify(message.headers)}`;
      for (const needle of needles) expect(raw).not.toContain(needle);
    }
  }

  async function newestLink(email: string, path: string, subject: RegExp): Promise<string> {
    const message = await mail.waitFor(email, subject, 60000);
    return linkIn(message, path);
  }

  it('after a registration approval: sealed LoginDetailsIssued, and the mailed link sets the password', async () => {
    const devices = await importTestDevices(api, admin.accessToken, 1);
    const request = registrationRequest(devices.eligible);
    const { registrationId } = await api.expect<{ registrationId: string }>(
      202,
      '/api/registrations',
      { body: request },
    );
    const published = await publishSerialChecks(
      kafka,
      registrationId,
      devices.eligible.map(eligible),
    );
    await waitFor(`checks of ${registrationId}`, async () => {
      const { body } = await api.call<{ checks?: { checkedAt: string } }>(
        `/api/registrations/${registrationId}`,
        { token: admin.accessToken },
      );
      return body.checks?.checkedAt === published.payload.checkedAt;
    });
    const approved = await api.expect<{ decision: { userId?: string } }>(
      200,
      `/api/registrations/${registrationId}/approve`,
      { token: admin.accessToken, body: {} },
    );
    expect(approved).toBeTruthy();

    const link = await newestLink(request.email, '/set-password', /login details/);
    const token = tokenOf(link);
    const { items } = await api.expect<{ items: { userId: string; email: string }[] }>(
      200,
      '/api/users',
      { token: admin.accessToken },
    );
    const user = items.find((candidate) => candidate.email === request.email.toLowerCase())!;
    const [event] = (await eventsOf(user.userId, 'LoginDetailsIssued')).filter(
      (message) => message.headers['event-type'] === 'LoginDetailsIssued',
    );
    const envelope = JSON.parse(event.value ?? '{}') as {
      version: number;
      payload: Record<string, unknown>;
    };
    expect(envelope.version).toBe(2);
    expect(envelope.payload).not.toHaveProperty('setPasswordUrl');
    expect(envelope.payload.setPasswordLink).toEqual({
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
      iv: expect.any(String),
      ciphertext: expect.any(String),
      tag: expect.any(String),
    });
    expectNowhere(link, token);

    await api.expect(204, '/api/auth/password/setup', {
      body: { token, password: FIRST_PASSWORD },
    });
    expect((await api.login(request.email, FIRST_PASSWORD)).status).toBe(200);
  });

  it('after a forgotten password: sealed PasswordResetRequested, and the mailed link resets it', async () => {
    const email = `sealed-${Date.now().toString(36)}@staff.metered.test`;
    const created = await api.expect<{ userId: string }>(201, '/api/users', {
      token: admin.accessToken,
      body: { email, name: 'Sam Sealed', roles: ['validator'], country: 'US' },
    });
    const setup = await newestLink(email, '/set-password', /login details/);
    await api.expect(204, '/api/auth/password/setup', {
      body: { token: tokenOf(setup), password: FIRST_PASSWORD },
    });

    await api.expect(202, '/api/auth/password/forgot', { body: { email } });
    const link = await newestLink(email, '/reset-password', /Reset your Metered Supplies password/);
    const token = tokenOf(link);
    const events = await eventsOf(created.userId, 'PasswordResetRequested');
    const reset = events.find((m) => m.headers['event-type'] === 'PasswordResetRequested')!;
    const envelope = JSON.parse(reset.value ?? '{}') as {
      version: number;
      payload: Record<string, unknown>;
    };
    expect(envelope.version).toBe(2);
    expect(envelope.payload).not.toHaveProperty('resetUrl');
    expect(envelope.payload).toHaveProperty('resetLink.ciphertext');
    expectNowhere(link, token);
    expectNowhere(setup, tokenOf(setup));

    await api.expect(204, '/api/auth/password/reset', {
      body: { token, password: NEW_PASSWORD },
    });
    expect((await api.login(email, NEW_PASSWORD)).status).toBe(200);
  });
});
