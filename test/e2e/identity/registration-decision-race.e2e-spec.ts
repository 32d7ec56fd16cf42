/**
 * Approve and reject of one registration at the same moment (validator approves, admin
 * rejects), 20 such pairs at once against the real stack: exactly one decision wins, and the
 * loser leaves nothing behind — no user, no login-details email, no event of its own. Before
 * the approval claimed the decision up front, a rejection landing while the approval was
 * creating the user ended "rejected" with a live customer user and a mailed login link.
 */
import 'reflect-metadata';
import { SERVICE_NAMES } from '@metered/service-kit';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { MailCapture } from '../../../tools/stack/src/demo/mail-capture';
import { RegistrationView } from '../../../tools/stack/src/demo/registration-flow';
import { KafkaTestClient } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';
import {
  eligible,
  publishSerialChecks,
  RegistrationEvents,
} from '../../support/identity/registration-intake.support';
import { importTestDevices } from '../../support/registration/master-data.fixture';
import { registrationRequest } from '../../support/registration/registration-request.fixture';
import { testStackEnv, useApps } from '../../support/stack-env';

const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };
const PAIRS = 20;
/** When the approval starts, and the rejections racing it (pair `i` shifts them by 3·(i mod 10) ms). */
const APPROVE_DELAY_MS = 15;
const REJECT_DELAYS_MS = [0, 15];
const LOGIN_DETAILS = /login details/i;
const NOT_APPROVED = /not approved/i;

interface Pair {
  registrationId: string;
  email: string;
  approve: number;
  rejects: number[];
}

describe('approve and reject at the same moment (identity, real stack)', () => {
  const kafka = new KafkaTestClient();
  const events = new RegistrationEvents(kafka);
  let api: GatewayClient;
  let admin: LoginAnswer;
  let mail: MailCapture;

  beforeAll(async () => {
    const urls = await useApps(SERVICE_NAMES);
    api = new GatewayClient(urls.gateway);
    mail = new MailCapture(testStackEnv().MAIL_CAPTURE_URL);
    await events.start();
    admin = await api.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN });
  }, 600000);

  afterAll(() => kafka.close());

  const decide = (registrationId: string, decision: 'approve' | 'reject') =>
    api.call<RegistrationView>(`/api/registrations/${registrationId}/${decision}`, {
      token: admin.accessToken,
      body: decision === 'approve' ? {} : { reason: 'Raced by the test' },
    });

  const after = <T>(ms: number, act: () => Promise<T>): Promise<T> =>
    new Promise((resolve) => setTimeout(resolve, ms)).then(act);

  /** Requests with one real, eligible device each, waiting for the validator. */
  async function reviewedRequests(serials: string[]): Promise<{ id: string; email: string }[]> {
    const requests = await Promise.all(
      serials.map(async (serial) => {
        const request = registrationRequest([serial]);
        const { registrationId } = await api.expect<{ registrationId: string }>(
          202,
          '/api/registrations',
          { body: request },
        );
        return { id: registrationId, email: request.email, serial };
      }),
    );
    // One after the other: the test's Kafka producer connects on its first send.
    const checkedAt = new Map<string, string>();
    for (const { id, serial } of requests) {
      const published = await publishSerialChecks(kafka, id, [eligible(serial)]);
      checkedAt.set(id, published.payload.checkedAt);
    }
    await Promise.all(
      requests.map(({ id }) =>
        waitFor(`checks of ${id}`, async () => {
          const { body } = await api.call<RegistrationView>(`/api/registrations/${id}`, {
            token: admin.accessToken,
          });
          return body.checks?.checkedAt === checkedAt.get(id);
        }),
      ),
    );
    return requests;
  }

  async function usersWith(email: string): Promise<{ accountId?: string }[]> {
    const { items } = await api.expect<{ items: { accountId?: string }[] }>(
      200,
      `/api/users?email=${encodeURIComponent(email)}`,
      { token: admin.accessToken },
    );
    return items;
  }

  it(`lets exactly one decision win in ${PAIRS} racing pairs, and the loser leaves no user, email or event`, async () => {
    const devices = await importTestDevices(api, admin.accessToken, PAIRS);
    const requests = await reviewedRequests(devices.eligible);

    // Each approval races rejections that start at staggered moments, so that across the
    // pairs they land in every step of the approval (before, during and after the user is
    // created); all pairs run at once.
    const pairs: Pair[] = await Promise.all(
      requests.map(async ({ id, email }, index) => {
        const [approve, ...rejects] = await Promise.all([
          after(APPROVE_DELAY_MS, () => decide(id, 'approve')),
          ...REJECT_DELAYS_MS.map((delay) =>
            after(delay + 3 * (index % 10), () => decide(id, 'reject')),
          ),
        ]);
        return {
          registrationId: id,
          email,
          approve: approve.status,
          rejects: rejects.map((reject) => reject.status),
        };
      }),
    );

    const orphans: string[] = [];
    for (const pair of pairs) {
      const answers = [pair.approve, ...pair.rejects];
      expect(answers.filter((status) => status === 200)).toHaveLength(1);
      expect(answers.filter((status) => status === 409)).toHaveLength(answers.length - 1);
      const { body } = await api.call<RegistrationView>(
        `/api/registrations/${pair.registrationId}`,
        { token: admin.accessToken },
      );
      const users = await usersWith(pair.email);
      if (pair.approve === 200) {
        expect(body.status).toBe('approved');
        expect(users).toEqual([expect.objectContaining({ accountId: body.decision?.accountId })]);
        await events.waitFor('RegistrationApproved', pair.registrationId);
        await mail.waitFor(pair.email, LOGIN_DETAILS, 60000);
      } else {
        expect(body.status).toBe('rejected');
        await events.waitFor('RegistrationRejected', pair.registrationId);
        await mail.waitFor(pair.email, NOT_APPROVED, 60000);
        if (users.length > 0) orphans.push(pair.registrationId);
      }
    }
    expect(orphans).toEqual([]);

    // Every winner's email has arrived; the losers sent none and published nothing.
    for (const pair of pairs) {
      const subjects = (await mail.messagesTo(pair.email)).map((message) => message.subject);
      const loser = pair.approve === 200 ? NOT_APPROVED : LOGIN_DETAILS;
      expect(subjects.filter((subject) => loser.test(subject))).toEqual([]);
      const lostType = pair.approve === 200 ? 'RegistrationRejected' : 'RegistrationApproved';
      expect(events.of(lostType, pair.registrationId)).toEqual([]);
    }
  }, 600000);
});
