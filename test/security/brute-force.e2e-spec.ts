/**
 * Brute force and user enumeration, through the gateway against the real stack. Per-email
 * lockout is proven in test/e2e/identity/sign-in.e2e-spec.ts; here: the per-client-address
 * limits (many emails from one address; many reset-link requests), and that a known and an
 * unknown email get the same answer in about the same time. Each client is its own loopback
 * address, so these tests never lock out the suite's 127.0.0.1.
 */
import {
  activeStaffUser,
  GOOD_PASSWORD,
  signInWorld,
  SignInWorld,
  uniqueEmail,
} from '../e2e/identity/sign-in.helpers';
import { medianMs, postFrom, randomLoopbackAddress } from './support/loopback-client';

/** identity's defaults: LOGIN_MAX_FAILURES_PER_IP and PASSWORD_RESET_MAX_PER_IP. */
const LOGIN_FAILURES_PER_ADDRESS = 50;
const RESETS_PER_ADDRESS = 20;
const TRIES = 15;

type ErrorBody = { statusCode: number; message: string };

/**
 * Close enough that timing tells nothing useful: within 150 ms, or within 1.5× — on the loaded
 * 2-core CI machine a failed sign-in takes ~1 s of database round trips, and their noise alone
 * can exceed a fixed 150 ms.
 */
function expectSimilar(knownMs: number, unknownMs: number): void {
  const difference = Math.abs(knownMs - unknownMs);
  const ratio = Math.max(knownMs, unknownMs) / Math.min(knownMs, unknownMs);
  expect({ knownMs, unknownMs, similar: difference < 150 || ratio < 1.5 }).toMatchObject({
    similar: true,
  });
}

describe('brute force and enumeration (real stack)', () => {
  let world: SignInWorld;
  let email: string;

  const login = (from: string, address: string, password: string) =>
    postFrom<ErrorBody>(
      world.gateway.baseUrl,
      '/api/auth/login',
      { email: address, password },
      from,
    );
  const forgot = (from: string, address: string) =>
    postFrom(world.gateway.baseUrl, '/api/auth/password/forgot', { email: address }, from);

  beforeAll(async () => {
    world = await signInWorld();
    email = (await activeStaffUser(world, 'brute')).email;
  }, 600000);

  it('stops one address that tries many emails, even with a right password, and only that address', async () => {
    const attacker = randomLoopbackAddress();
    // Five at a time, as an attacker would: each failure is still counted (under a lock).
    for (let i = 0; i < LOGIN_FAILURES_PER_ADDRESS; i += 5) {
      const answers = await Promise.all(
        [0, 1, 2, 3, 4].map(() => login(attacker, uniqueEmail('stuffing'), 'Guessed-Password-1')),
      );
      expect({ from: i, statuses: answers.map((a) => a.status) }).toEqual({
        from: i,
        statuses: [401, 401, 401, 401, 401],
      });
    }
    const blocked = await login(attacker, email, GOOD_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body.message).toMatch(/too many/);
    // Another client, and the user themselves, are not locked out by the attacker.
    expect((await login(randomLoopbackAddress(), email, GOOD_PASSWORD)).status).toBe(200);
  });

  it('limits reset-link requests per address (the same answer until then)', async () => {
    const client = randomLoopbackAddress();
    const statuses = new Set<number>();
    for (let i = 0; i < RESETS_PER_ADDRESS; i += 1) {
      statuses.add((await forgot(client, uniqueEmail('reset'))).status);
    }
    expect([...statuses]).toEqual([202]);
    const blocked = await forgot(client, email);
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
    expect((await forgot(randomLoopbackAddress(), email)).status).toBe(202);
  });

  it('answers a wrong password of a known email like an unknown email: same body, similar time', async () => {
    const known = await login(randomLoopbackAddress(), email, 'Wrong-Password-000');
    const unknown = await login(
      randomLoopbackAddress(),
      uniqueEmail('ghost'),
      'Wrong-Password-000',
    );
    expect(known.status).toBe(401);
    expect(unknown.body).toEqual(known.body);

    // Four failures, then a success resets the email's count: the lockout never kicks in.
    const knownMs = await medianMs(TRIES, async (i) => {
      if (i % 4 === 3) await login(randomLoopbackAddress(), email, GOOD_PASSWORD);
      const answer = await login(randomLoopbackAddress(), email, 'Wrong-Password-000');
      if (answer.status !== 401) throw new Error(`known email answered ${answer.status}`);
    });
    const unknownMs = await medianMs(TRIES, () =>
      login(randomLoopbackAddress(), uniqueEmail('ghost'), 'Wrong-Password-000'),
    );
    console.log(
      `login medians: known email ${knownMs.toFixed(1)} ms, unknown ${unknownMs.toFixed(1)} ms`,
    );
    expectSimilar(knownMs, unknownMs);
  });

  it('answers a reset request for a known email like one for an unknown email, in similar time', async () => {
    const known = await forgot(randomLoopbackAddress(), email);
    const unknown = await forgot(randomLoopbackAddress(), uniqueEmail('ghost'));
    expect(known.status).toBe(202);
    expect(unknown).toMatchObject({ status: 202, body: known.body });
    const knownMs = await medianMs(TRIES, () => forgot(randomLoopbackAddress(), email));
    const unknownMs = await medianMs(TRIES, () =>
      forgot(randomLoopbackAddress(), uniqueEmail('ghost')),
    );
    console.log(
      `forgot medians: known email ${knownMs.toFixed(1)} ms, unknown ${unknownMs.toFixed(1)} ms`,
    );
    expectSimilar(knownMs, unknownMs);
  });
});
