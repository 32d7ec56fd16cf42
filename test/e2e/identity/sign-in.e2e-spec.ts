/**
 * Sign-in end to end over the gateway against the real stack: the bootstrap admin, staff
 * users with emailed set-password links, password rules, login lockout, refresh rotation
 * with reuse detection, logout, and input validation.
 */
import { createPublicKey, verify } from 'node:crypto';
import { LoginAnswer, pollUntil } from '../../../tools/stack/src/demo/gateway-client';
import {
  activeStaffUser,
  ADMIN,
  createStaffUser,
  GOOD_PASSWORD,
  mailedToken,
  signInWorld,
  SignInWorld,
  uniqueEmail,
  waitUntilRefused,
} from './sign-in.helpers';

type ErrorBody = { errors?: { field: string; reason: string }[]; message: string };

describe('identity sign-in (real stack, through the gateway)', () => {
  let world: SignInWorld;

  beforeAll(async () => {
    world = await signInWorld();
  }, 600000);

  it('signs the bootstrap admin in with an RS256 token that the published key verifies', async () => {
    const login = await world.gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN });
    expect(login).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(login.user).toMatchObject({ email: ADMIN.email, roles: ['admin'] });
    const [header, payload, signature] = login.accessToken.split('.');
    const { alg, kid } = JSON.parse(Buffer.from(header, 'base64url').toString());
    expect(alg).toBe('RS256');
    const jwks = await world.gateway.expect<{ keys: Array<{ kid: string }> }>(
      200,
      '/api/auth/jwks.json',
    );
    const jwk = jwks.keys.find((key) => key.kid === kid);
    expect(jwk).toBeDefined();
    const publicKey = createPublicKey({ key: jwk as never, format: 'jwk' });
    const valid = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      publicKey,
      Buffer.from(signature, 'base64url'),
    );
    expect(valid).toBe(true);
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
      iss: 'metered-supplies/identity',
      aud: 'metered-supplies',
      email: ADMIN.email,
      roles: ['admin'],
    });
  });

  describe('a staff user added by the admin', () => {
    const email = uniqueEmail('vera');
    let token: string;

    beforeAll(async () => {
      await createStaffUser(world, email);
      token = await mailedToken(world, email, '/set-password');
    });

    it('cannot sign in before setting a password (the same generic answer)', async () => {
      const answer = await world.gateway.login(email, GOOD_PASSWORD);
      expect(answer.status).toBe(401);
      expect((answer.body as unknown as ErrorBody).message).toBe('email or password is wrong');
    });

    it('is listed for the admin, and a second user with that email is a conflict', async () => {
      const users = await world.gateway.expect<{ items: Array<{ email: string; status: string }> }>(
        200,
        '/api/users',
        { token: world.adminToken },
      );
      expect(users.items.find((user) => user.email === email)?.status).toBe('invited');
      const again = await world.gateway.call('/api/users', {
        token: world.adminToken,
        body: { email: email.toUpperCase(), name: 'Twin', roles: ['ops'], country: 'US' },
      });
      expect(again.status).toBe(409);
    });

    it('gets every broken password rule named', async () => {
      const reasonsFor = async (password: string): Promise<string[]> => {
        const answer = await world.gateway.call<ErrorBody>('/api/auth/password/setup', {
          body: { token, password },
        });
        expect(answer.status).toBe(400);
        const problems = answer.body.errors ?? [];
        expect(problems.every((problem) => problem.field === 'password')).toBe(true);
        return problems.map((problem) => problem.reason);
      };
      expect(await reasonsFor('toner')).toEqual([
        expect.stringMatching(/at least 12 characters/),
        expect.stringMatching(/at least three of/),
        expect.stringMatching(/too common/), // "toner" is on the common-password list too
      ]);
      expect(await reasonsFor(`X-${email.split('@')[0]}`)).toEqual([
        expect.stringMatching(/must not contain your email/),
      ]);
    });

    it('sets the password once with the link; the link then no longer works', async () => {
      await world.gateway.expect(204, '/api/auth/password/setup', {
        body: { token, password: GOOD_PASSWORD },
      });
      const again = await world.gateway.call<ErrorBody>('/api/auth/password/setup', {
        body: { token, password: GOOD_PASSWORD },
      });
      expect(again.status).toBe(400);
      expect(again.body.errors).toEqual([
        { field: 'token', reason: 'the link is invalid or has expired' },
      ]);
    });

    it('signs in with the email in any case and reads /auth/me', async () => {
      const login = await world.gateway.expect<LoginAnswer>(200, '/api/auth/login', {
        body: { email: email.toUpperCase(), password: GOOD_PASSWORD },
      });
      expect(login.user).toMatchObject({ email, roles: ['validator'] });
      const me = await world.gateway.expect<{ email: string; roles: string[] }>(
        200,
        '/api/auth/me',
        {
          token: login.accessToken,
        },
      );
      expect(me).toMatchObject({ email, roles: ['validator'], company: 'Metered Supplies' });
    });

    it('is kept out of admin endpoints (403)', async () => {
      const login = await world.gateway.expect<LoginAnswer>(200, '/api/auth/login', {
        body: { email, password: GOOD_PASSWORD },
      });
      const answer = await world.gateway.call('/api/users', { token: login.accessToken });
      expect(answer.status).toBe(403);
    });
  });

  describe('lockout', () => {
    async function failFiveTimes(email: string): Promise<number[]> {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        statuses.push((await world.gateway.login(email, 'Wrong-Password-000')).status);
      }
      return statuses;
    }

    it('locks an existing email after five failures, even for the right password', async () => {
      const user = await activeStaffUser(world, 'locked');
      expect(await failFiveTimes(user.email)).toEqual([401, 401, 401, 401, 401]);
      const locked = await world.gateway.login(user.email, GOOD_PASSWORD);
      expect(locked.status).toBe(429);
      const retryAfter = Number(locked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);
    });

    it('locks an unknown email the same way, so locks reveal nothing', async () => {
      const email = uniqueEmail('nobody');
      expect(await failFiveTimes(email)).toEqual([401, 401, 401, 401, 401]);
      const locked = await world.gateway.login(email.toUpperCase(), 'Wrong-Password-000');
      expect(locked.status).toBe(429);
      expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    });
  });

  describe('sessions', () => {
    let email: string;

    beforeAll(async () => {
      email = (await activeStaffUser(world, 'sessions')).email;
    });

    const login = () =>
      world.gateway.expect<LoginAnswer>(200, '/api/auth/login', {
        body: { email, password: GOOD_PASSWORD },
      });
    const refresh = (refreshToken: string) =>
      world.gateway.call<LoginAnswer>('/api/auth/refresh', { body: { refreshToken } });

    it('rotates the refresh token; a reused one ends the whole session', async () => {
      const first = await login();
      const second = await refresh(first.refreshToken);
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect(second.body.user.email).toBe(email);
      expect((await refresh(first.refreshToken)).status).toBe(401);
      // The thief's replay also shut out the legitimate holder: the session is revoked.
      expect((await refresh(second.body.refreshToken)).status).toBe(401);
      expect(await waitUntilRefused(world, second.body.accessToken)).toBe(401);
    });

    it('logs out: the access token stops working in identity and registry, the refresh token too', async () => {
      const session = await login();
      await world.gateway.expect(200, '/api/auth/me', { token: session.accessToken });
      // Another service (registry) accepts the token until it learns of the revocation.
      await world.gateway.expect(200, '/api/device-models', { token: session.accessToken });
      await world.gateway.expect(204, '/api/auth/logout', { token: session.accessToken, body: {} });
      expect(await waitUntilRefused(world, session.accessToken)).toBe(401);
      const registry = await pollUntil(
        () => world.gateway.call('/api/device-models', { token: session.accessToken }),
        (answer) => answer.status === 401,
        { timeoutMs: 15000, intervalMs: 250 },
      );
      expect(registry.status).toBe(401);
      expect((await refresh(session.refreshToken)).status).toBe(401);
    });

    it('refuses a token with a forged signature and unsigned tokens', async () => {
      const session = await login();
      const [header, payload] = session.accessToken.split('.');
      const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      for (const forged of [`${header}.${payload}.AAAA`, `${none}.${payload}.`]) {
        expect((await world.gateway.call('/api/auth/me', { token: forged })).status).toBe(401);
      }
    });
  });

  describe('bad input', () => {
    it('refuses unknown properties, naming them', async () => {
      const answer = await world.gateway.call<ErrorBody>('/api/auth/login', {
        body: { email: ADMIN.email, password: 'x', remember: true },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.map((problem) => problem.field)).toContain('remember');
    });

    it('refuses an invalid email, naming the field', async () => {
      for (const path of ['/api/auth/login', '/api/auth/password/forgot']) {
        const answer = await world.gateway.call<ErrorBody>(path, {
          body: path.endsWith('login')
            ? { email: 'not-an-email', password: 'x' }
            : { email: 'nope' },
        });
        expect(answer.status).toBe(400);
        expect(answer.body.errors?.map((problem) => problem.field)).toContain('email');
      }
    });

    it('refuses a staff user with a customer role or unknown country', async () => {
      const answer = await world.gateway.call<ErrorBody>('/api/users', {
        token: world.adminToken,
        body: { email: uniqueEmail('bad'), name: 'X', roles: ['customer'], country: 'XX' },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.map((problem) => problem.field)).toEqual(
        expect.arrayContaining(['roles', 'country']),
      );
    });
  });
});
