/**
 * The validator queue's rejection path and sign-in's refusals in headless Chromium, against the
 * real stack through the gateway: serials that fail the registry's checks are shown with the
 * reason and cannot be approved; a rejection needs a reason and emails it; wrong passwords and
 * the lockout are explained; staff without validator rights land on a simple home.
 */
import { SERVICE_NAMES } from '@metered/service-kit';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { MailCapture, tokenOf } from '../../../tools/stack/src/demo/mail-capture';
import { RegistrationFlow } from '../../../tools/stack/src/demo/registration-flow';
import {
  importTestDevices,
  TestDevices,
  uniqueTag,
} from '../../support/registration/master-data.fixture';
import { registrationRequest } from '../../support/registration/registration-request.fixture';
import { testStackEnv, useApps } from '../../support/stack-env';
import { ADMIN, emailedLink, fieldError, portalTabs, signInThroughPage } from './portal-browser';

describe('portal: validator rejections and sign-in refusals (real stack)', () => {
  let baseUrl: string;
  let gateway: GatewayClient;
  let mail: MailCapture;
  let flow: RegistrationFlow;
  let adminToken: string;
  let devices: TestDevices;
  const tabs = portalTabs();

  const newTab = async () => {
    const tab = await tabs.open();
    return tab;
  };

  beforeAll(async () => {
    const urls = await useApps(SERVICE_NAMES);
    baseUrl = urls.gateway;
    gateway = new GatewayClient(baseUrl);
    mail = new MailCapture(testStackEnv().MAIL_CAPTURE_URL);
    flow = new RegistrationFlow(gateway, mail);
    adminToken = (await gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN }))
      .accessToken;
    devices = await importTestDevices(gateway, adminToken, 1);
    await tabs.launch();
  }, 600000);

  it('shows why serials fail, offers nothing to approve, and rejects with a reason', async () => {
    const request = registrationRequest([
      devices.unknown,
      devices.noContract,
      devices.expired,
      devices.german,
    ]);
    const registrationId = await flow.register(request);
    await flow.waitForChecks(adminToken, registrationId);

    const { page } = await newTab();
    await signInThroughPage(page, baseUrl, ADMIN.email, ADMIN.password);
    const card = page.getByRole('article', { name: request.company });
    await card.waitFor();
    const outcomes: [string, string][] = [
      [devices.unknown, 'Unknown serial'],
      [devices.noContract, 'No active contract'],
      [devices.expired, 'No active contract'],
      [devices.german, 'Other country'],
    ];
    for (const [serial, label] of outcomes) {
      const row = card.getByTestId(`check-${serial}`);
      expect(await row.innerText()).toContain(label);
      expect(await row.getByRole('checkbox').count()).toBe(0);
    }
    expect(await card.getByTestId(`check-${devices.noContract}`).innerText()).toMatch(
      /store|partner/i,
    );
    // Nothing to approve: no disabled "Approve 0 serial numbers", a sentence saying what to do.
    expect(await card.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
    expect(await card.getByTestId(`nothing-to-approve-${registrationId}`).innerText()).toContain(
      'reject the request',
    );

    await card.getByRole('button', { name: 'Reject' }).click();
    expect(await fieldError(card, 'Reason for rejection')).toBe(
      'Enter the reason: it is emailed to the applicant.',
    );
    const reason = `None of the devices has a current contract (${uniqueTag()})`;
    await card.getByLabel('Reason for rejection').fill(reason);
    await card.getByRole('button', { name: 'Reject' }).click();
    const outcome = page.getByTestId('decision-outcome');
    await outcome.waitFor();
    expect(await outcome.innerText()).toContain(`Rejected ${request.company}`);
    await card.waitFor({ state: 'detached' });

    const rejection = await mail.waitFor(request.email, /not approved/i, 45000);
    expect(rejection.text).toContain(reason);
  });

  it('returns a signed-out deep link to its page after sign-in, and ignores a link off-site', async () => {
    const { page } = await newTab();
    await page.goto(`${baseUrl}/admin/audit?action=order.placed`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Email address', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    const landed = new URL(page.url());
    expect(`${landed.pathname}${landed.search}`).toBe('/admin/audit?action=order.placed');

    const other = await newTab();
    await other.page.goto(`${baseUrl}/login?next=${encodeURIComponent('//elsewhere.example/x')}`);
    await other.page.getByLabel('Email address', { exact: true }).fill(ADMIN.email);
    await other.page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await other.page.getByRole('button', { name: 'Sign in' }).click();
    await other.page.getByRole('heading', { level: 1, name: 'Registration requests' }).waitFor();
    expect(new URL(other.page.url()).origin).toBe(baseUrl);
  });

  it('says when the email or password is wrong, and for how long sign-in is locked', async () => {
    const { page } = await newTab();
    const email = `locked.${uniqueTag(8).toLowerCase()}@portal-e2e.example.com`;
    await signInThroughPage(page, baseUrl, email, 'Not-The-Password-1');
    const alert = page.getByRole('alert');
    await alert.getByText('The email address or password is not correct.').waitFor();

    // Failures count per address whether or not it exists; after a few the page says to wait.
    let locked = '';
    for (let attempt = 0; attempt < 6 && !locked; attempt += 1) {
      const [answer] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/api/auth/login')),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      if (answer.status() === 429) {
        await alert.getByText(/Too many sign-in attempts/).waitFor();
        locked = await alert.innerText();
      }
    }
    expect(locked).toMatch(/Too many sign-in attempts: try again in (\d+) minutes?\./);
    const minutes = Number(/in (\d+) minute/.exec(locked)?.[1]);
    expect(minutes).toBeGreaterThanOrEqual(1);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('lands helpdesk agents on the helpdesk console, not the validator queue', async () => {
    const email = `helpdesk.${uniqueTag(8).toLowerCase()}@portal-e2e.example.com`;
    await gateway.expect(201, '/api/users', {
      token: adminToken,
      body: { email, name: 'Harper Helpdesk', roles: ['helpdesk'], country: 'US' },
    });
    const { url } = await emailedLink(mail, email, /login details/i, '/set-password', baseUrl);
    const password = 'Magenta-Drum-Unit-77';
    await gateway.expect(204, '/api/auth/password/setup', {
      body: { token: tokenOf(url), password },
    });

    const { page } = await newTab();
    await signInThroughPage(page, baseUrl, email, password);
    await page.getByRole('heading', { level: 1, name: 'Find an account' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/helpdesk');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Registration requests' }).count()).toBe(0);
    await page.goto(`${baseUrl}/validator`);
    await page.getByRole('heading', { level: 1, name: 'Not available for your account' }).waitFor();
  });
});
