/**
 * The demo data set that `npm start` loads, loaded into the test stack with the same code:
 * every demo user can sign in afterwards, the accounts hold their devices, Initech's
 * contracts have expired, and a second load changes nothing.
 */
import { SERVICE_NAMES } from '@metered/service-kit';
import { loadDemoData, DEMO_DIR } from '../../../tools/stack/src/demo-data';
import { readDemoDataSet } from '../../../tools/stack/src/demo/demo-accounts';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { RegistrationFlow } from '../../../tools/stack/src/demo/registration-flow';
import { MailCapture } from '../../../tools/stack/src/demo/mail-capture';
import { testStackEnv, useApps } from '../../support/stack-env';

const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };

describe('demo data (loaded through the public API)', () => {
  const set = readDemoDataSet(DEMO_DIR);
  let gateway: GatewayClient;
  let env: Parameters<typeof loadDemoData>[0];

  beforeAll(async () => {
    const urls = await useApps(SERVICE_NAMES);
    const stack = testStackEnv();
    gateway = new GatewayClient(urls.gateway);
    env = {
      ...stack,
      GATEWAY_URL: urls.gateway,
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    };
    await loadDemoData(env);
  }, 600000);

  it('lets every demo user sign in with the documented password', async () => {
    for (const user of [...set.staff, ...set.accounts]) {
      const login = await gateway.login(user.email, set.password);
      expect({ email: user.email, status: login.status }).toEqual({
        email: user.email,
        status: 200,
      });
    }
  });

  it('gives each demo account its devices; Initech’s contracts have expired', async () => {
    const flow = new RegistrationFlow(gateway, new MailCapture(env.MAIL_CAPTURE_URL));
    for (const account of set.accounts) {
      const { user, accessToken } = await gateway.expect<LoginAnswer>(200, '/api/auth/login', {
        body: { email: account.email, password: set.password },
      });
      const devices = (await flow.waitForDevices(
        accessToken,
        user.accountId as string,
        account.serials.length,
      )) as { serial: string; covered: boolean }[];
      expect(devices.map((device) => device.serial).sort()).toEqual([...account.serials].sort());
      const expired = (account.afterApproval ?? []).length > 0;
      for (const device of devices) expect(device.covered).toBe(!expired);
    }
  });

  it('changes nothing when loaded again', async () => {
    const admin = await gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN });
    const before = await gateway.expect<{ items: unknown[] }>(200, '/api/users', {
      token: admin.accessToken,
    });
    await loadDemoData(env);
    const after = await gateway.expect<{ items: unknown[] }>(200, '/api/users', {
      token: admin.accessToken,
    });
    expect(after.items.length).toBe(before.items.length);
  });
});
