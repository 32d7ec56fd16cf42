/**
 * Shared steps of identity's sign-in e2e specs: unique staff users created by the bootstrap
 * admin, their set-password link read from the mail capture, and a bounded wait for
 * revocations.
 */
import { randomBytes } from 'node:crypto';
import { SERVICE_NAMES } from '@metered/service-kit';
import {
  GatewayClient,
  LoginAnswer,
  pollUntil,
} from '../../../tools/stack/src/demo/gateway-client';
import { linkIn, MailCapture, tokenOf } from '../../../tools/stack/src/demo/mail-capture';
import { testStackEnv, useApps } from '../../support/stack-env';

export const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };
export const GOOD_PASSWORD = 'Magenta-Toner-Bottle-77';

export interface SignInWorld {
  gateway: GatewayClient;
  mail: MailCapture;
  adminToken: string;
}

export async function signInWorld(): Promise<SignInWorld> {
  const urls = await useApps(SERVICE_NAMES);
  const gateway = new GatewayClient(urls.gateway);
  const mail = new MailCapture(testStackEnv().MAIL_CAPTURE_URL);
  const admin = await gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN });
  return { gateway, mail, adminToken: admin.accessToken };
}

/** A unique address per test run, so tests can run in any order and again. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(5).toString('hex')}@staff.metered.test`;
}

export interface StaffUser {
  userId: string;
  email: string;
}

export async function createStaffUser(
  world: SignInWorld,
  email: string,
  roles: string[] = ['validator'],
): Promise<StaffUser> {
  const created = await world.gateway.expect<{ userId: string; email: string }>(201, '/api/users', {
    token: world.adminToken,
    body: { email, name: 'Vera Validator', roles, country: 'US' },
  });
  return { userId: created.userId, email: created.email };
}

/** The token of the newest link to `pathname` mailed to `email`. */
export async function mailedToken(
  world: SignInWorld,
  email: string,
  pathname: '/set-password' | '/reset-password',
  notToken?: string,
): Promise<string> {
  const found = await world.mail.waitForMatching(
    email,
    (message) => {
      try {
        return tokenOf(linkIn(message, pathname)) !== notToken;
      } catch {
        return false;
      }
    },
    `a ${pathname} link`,
    60000,
  );
  return tokenOf(linkIn(found, pathname));
}

/** A staff user who has set their password (through the emailed link). */
export async function activeStaffUser(world: SignInWorld, label: string): Promise<StaffUser> {
  const user = await createStaffUser(world, uniqueEmail(label));
  const token = await mailedToken(world, user.email, '/set-password');
  await world.gateway.expect(204, '/api/auth/password/setup', {
    body: { token, password: GOOD_PASSWORD },
  });
  return user;
}

/** Waits (bounded) until identity refuses the access token. */
export async function waitUntilRefused(world: SignInWorld, accessToken: string): Promise<number> {
  const answer = await pollUntil(
    () => world.gateway.call('/api/auth/me', { token: accessToken }),
    (result) => result.status === 401,
    { timeoutMs: 15000, intervalMs: 250 },
  );
  return answer.status;
}
