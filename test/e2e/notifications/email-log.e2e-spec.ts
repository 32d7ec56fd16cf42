/**
 * The delivery log through the gateway: ops and admins see what was emailed to whom (and
 * never the bodies, which carry one-time links); other roles and anonymous callers do not.
 */
import { randomBytes } from 'node:crypto';
import {
  activeStaffUser,
  createStaffUser,
  GOOD_PASSWORD,
  signInWorld,
  SignInWorld,
  uniqueEmail,
} from '../identity/sign-in.helpers';
import { LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { linkIn, tokenOf } from '../../../tools/stack/src/demo/mail-capture';

interface EmailLog {
  items: {
    messageId: string;
    template: string;
    to: string;
    status: string;
    attempts: number;
    lastError: string | null;
    createdAt: string;
    sentAt: string | null;
  }[];
}

describe('GET /api/emails (delivery log)', () => {
  let world: SignInWorld;

  beforeAll(async () => {
    world = await signInWorld();
  });

  /** A staff user with the given roles who has chosen a password and signed in. */
  async function signedIn(roles: string[]): Promise<{ email: string; token: string }> {
    const user = await createStaffUser(world, uniqueEmail(`log-${roles[0]}`), roles);
    const mail = await world.mail.waitFor(user.email, /login details/, 60000);
    await world.gateway.expect(204, '/api/auth/password/setup', {
      body: { token: tokenOf(linkIn(mail, '/set-password')), password: GOOD_PASSWORD },
    });
    const login = await world.gateway.expect<LoginAnswer>(200, '/api/auth/login', {
      body: { email: user.email, password: GOOD_PASSWORD },
    });
    return { email: user.email, token: login.accessToken };
  }

  it('shows ops the login-details email of a new user as sent, without its body', async () => {
    const ops = await signedIn(['ops']);
    const newcomer = await createStaffUser(world, uniqueEmail('log-newcomer'), ['helpdesk']);
    await world.mail.waitFor(newcomer.email, /login details/, 60000);
    const address = newcomer.email.toUpperCase(); // the filter ignores case
    const log = await world.gateway.expect<EmailLog>(
      200,
      `/api/emails?to=${encodeURIComponent(address)}&template=login-details`,
      { token: ops.token },
    );
    expect(log.items).toHaveLength(1);
    const [entry] = log.items;
    expect(entry).toMatchObject({ template: 'login-details', to: newcomer.email, status: 'sent' });
    expect(entry.messageId).toMatch(/^login-details:[0-9a-f-]{36}$/);
    expect(entry.attempts).toBeGreaterThanOrEqual(1);
    expect(entry.sentAt).not.toBeNull();
    expect(JSON.stringify(entry)).not.toContain('token=');
  });

  it('lists newest first and honours the limit', async () => {
    const log = await world.gateway.expect<EmailLog>(200, '/api/emails?limit=5', {
      token: world.adminToken,
    });
    expect(log.items.length).toBeLessThanOrEqual(5);
    const times = log.items.map((item) => Date.parse(item.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('refuses anonymous callers (401) and staff without the ops or admin role (403)', async () => {
    expect((await world.gateway.call('/api/emails')).status).toBe(401);
    const validator = await activeStaffUser(
      world,
      `log-validator-${randomBytes(2).toString('hex')}`,
    );
    const login = await world.gateway.expect<LoginAnswer>(200, '/api/auth/login', {
      body: { email: validator.email, password: GOOD_PASSWORD },
    });
    expect((await world.gateway.call('/api/emails', { token: login.accessToken })).status).toBe(
      403,
    );
  });

  it('names each wrong filter', async () => {
    const answer = await world.gateway.call<{ errors: { field: string }[] }>(
      '/api/emails?to=not-an-address&template=newsletter&limit=1000',
      { token: world.adminToken },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error) => error.field).sort()).toEqual([
      'limit',
      'template',
      'to',
    ]);
  });
});
