/**
 * Forgot / reset password end to end over the gateway: the same answer for known and
 * unknown addresses, an emailed single-use link, and every earlier session ended.
 */
import { LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import {
  activeStaffUser,
  createStaffUser,
  GOOD_PASSWORD,
  mailedToken,
  signInWorld,
  SignInWorld,
  uniqueEmail,
  waitUntilRefused,
} from './sign-in.helpers';

const NEW_PASSWORD = 'Cyan-Cartridge-Reset-31';

describe('forgot and reset password (real stack, through the gateway)', () => {
  let world: SignInWorld;

  beforeAll(async () => {
    world = await signInWorld();
  }, 600000);

  it('answers the same for an unknown and a known address', async () => {
    const user = await activeStaffUser(world, 'forgetful');
    const unknown = await world.gateway.call('/api/auth/password/forgot', {
      body: { email: uniqueEmail('ghost') },
    });
    const known = await world.gateway.call('/api/auth/password/forgot', {
      body: { email: user.email.toUpperCase() },
    });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
  });

  it('resets with the emailed link once, and ends the sessions from before', async () => {
    const user = await activeStaffUser(world, 'reset');
    const before = await world.gateway.expect<LoginAnswer>(200, '/api/auth/login', {
      body: { email: user.email, password: GOOD_PASSWORD },
    });
    await world.gateway.expect(202, '/api/auth/password/forgot', { body: { email: user.email } });
    const token = await mailedToken(world, user.email, '/reset-password');

    const weak = await world.gateway.call<{ errors: { field: string }[] }>(
      '/api/auth/password/reset',
      { body: { token, password: 'short' } },
    );
    expect(weak.status).toBe(400);
    expect(weak.body.errors.every((problem) => problem.field === 'password')).toBe(true);

    await world.gateway.expect(204, '/api/auth/password/reset', {
      body: { token, password: NEW_PASSWORD },
    });
    const again = await world.gateway.call<{ errors: unknown[] }>('/api/auth/password/reset', {
      body: { token, password: NEW_PASSWORD },
    });
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([
      { field: 'token', reason: 'the link is invalid or has expired' },
    ]);

    expect(await waitUntilRefused(world, before.accessToken)).toBe(401);
    const refreshed = await world.gateway.call('/api/auth/refresh', {
      body: { refreshToken: before.refreshToken },
    });
    expect(refreshed.status).toBe(401);
    expect((await world.gateway.login(user.email, GOOD_PASSWORD)).status).toBe(401);
    expect((await world.gateway.login(user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('sends an invited user who never set a password a fresh set-password link instead', async () => {
    const user = await createStaffUser(world, uniqueEmail('invited'));
    const first = await mailedToken(world, user.email, '/set-password');
    await world.gateway.expect(202, '/api/auth/password/forgot', { body: { email: user.email } });
    const second = await mailedToken(world, user.email, '/set-password', first);
    expect(second).not.toBe(first);
    const stale = await world.gateway.call('/api/auth/password/setup', {
      body: { token: first, password: NEW_PASSWORD },
    });
    expect(stale.status).toBe(400);
    await world.gateway.expect(204, '/api/auth/password/setup', {
      body: { token: second, password: NEW_PASSWORD },
    });
    expect((await world.gateway.login(user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses a made-up reset token, naming the field', async () => {
    const answer = await world.gateway.call<{ errors: unknown[] }>('/api/auth/password/reset', {
      body: { token: 'made-up', password: NEW_PASSWORD },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { field: 'token', reason: 'the link is invalid or has expired' },
    ]);
  });
});
