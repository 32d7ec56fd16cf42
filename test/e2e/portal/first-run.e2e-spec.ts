/**
 * The system exactly as `npm start` leaves it: no separate web build. The portal's build is
 * removed first, so the pages can only come from the stack's own `up` (which builds the portal
 * when it is missing). Then one person's whole first journey in Chromium: open `/`, register,
 * get approved, open the set-password link exactly as it was emailed, set a password, sign in
 * and place an order.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Page } from 'playwright-core';
import { SERVICE_NAMES } from '@metered/service-kit';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { linkIn, MailCapture } from '../../../tools/stack/src/demo/mail-capture';
import {
  importTestDevices,
  TestDevices,
  uniqueTag,
} from '../../support/registration/master-data.fixture';
import { stopComponent, testStackEnv, useApps } from '../../support/stack-env';
import { ADMIN, portalTabs, signInThroughPage } from './portal-browser';
import { REPO_ROOT, WEB_DIST_DIR } from './web-build';

const PASSWORD = 'Magenta-Drum-Unit-2026';

describe('first run: the portal as `npm start` serves it, one customer from / to an order', () => {
  let baseUrl: string;
  let gateway: GatewayClient;
  let mail: MailCapture;
  let devices: TestDevices;
  const tabs = portalTabs();
  const tag = uniqueTag(8).toLowerCase();
  const person = {
    company: `First Run Printing ${tag}`,
    contactName: 'Frankie First',
    email: `frankie.${tag}@first-run.example.com`,
  };

  beforeAll(async () => {
    // As on a fresh clone: no portal build, and a gateway that has to be started by the stack.
    await stopComponent('gateway');
    rmSync(WEB_DIST_DIR, { recursive: true, force: true });
    rmSync(path.join(REPO_ROOT, 'dist', '.web-built-at'), { force: true });
    baseUrl = (await useApps(SERVICE_NAMES)).gateway;
    gateway = new GatewayClient(baseUrl);
    mail = new MailCapture(testStackEnv().MAIL_CAPTURE_URL);
    const admin = await gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN });
    devices = await importTestDevices(gateway, admin.accessToken, 1);
    await tabs.launch();
  }, 600000);

  it('built the portal while starting, and serves / and deep links', async () => {
    expect(existsSync(path.join(WEB_DIST_DIR, 'index.html'))).toBe(true);
    for (const page of ['/', '/login', '/register', '/set-password', '/order']) {
      const answer = await fetch(`${baseUrl}${page}`);
      expect([page, answer.status]).toEqual([page, 200]);
      expect(answer.headers.get('content-type')).toMatch(/text\/html/);
    }
  });

  it('registers, is approved, sets the password from the emailed link, signs in and orders', async () => {
    const { page } = await tabs.open();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: 'Register' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Register for an online account' }).waitFor();
    const form = page.getByRole('form', { name: 'Registration' });
    await form.getByLabel('Company').fill(person.company);
    await form.getByLabel('Contact name').fill(person.contactName);
    await form.getByLabel('Email address').fill(person.email);
    await form.getByLabel('Phone').fill('+1 585 010 2233');
    await form.getByRole('button', { name: /^Country: / }).click();
    const picker = page.getByRole('dialog', { name: 'Choose your country' });
    await picker.getByRole('button', { name: 'North America' }).click();
    await picker.getByRole('button', { name: 'United States' }).click();
    await form.getByLabel('Address line 1').fill('2 First Street');
    await form.getByLabel('City').fill('Rochester');
    await form.getByLabel('Postal code').fill('14604');
    await form.getByRole('textbox', { name: 'Serial number 1' }).fill(devices.eligible[0]);
    await form.getByRole('button', { name: 'Send registration request' }).click();
    await page.getByRole('heading', { level: 1, name: 'We received your request' }).waitFor();

    await approveInQueue(await tabs.open().then((tab) => tab.page));

    // The link exactly as mailed: it must point at the origin that serves the portal.
    const message = await mail.waitFor(person.email, /login details/i, 45000);
    const link = linkIn(message, '/set-password');
    expect(new URL(link).origin).toBe(new URL(baseUrl).origin);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Set your password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Repeat the new password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your password is set.' }).waitFor();

    await signInThroughPage(page, baseUrl, person.email, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Order Supplies' }).waitFor();
    const serial = devices.eligible[0];
    await page.getByTestId(`device-${serial}`).getByRole('radio').click();
    await page.getByLabel('Choose your items to be ordered').selectOption(devices.reorderNumber);
    const row = page.getByTestId(`order-row-${devices.reorderNumber}`);
    await row.getByLabel('Full cartons onsite', { exact: true }).fill('0');
    await row.getByLabel('Individual bottles onsite', { exact: true }).fill('0');
    await row.getByLabel('Quantity to order', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Place order' }).click();
    const confirmation = page.getByTestId('order-confirmation');
    await confirmation.waitFor();
    expect(await confirmation.getByTestId('order-number').innerText()).toMatch(/^MS-/);
    await mail.waitFor(person.email, /order/i, 45000);
  });

  async function approveInQueue(page: Page): Promise<void> {
    await signInThroughPage(page, baseUrl, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { level: 1, name: 'Registration requests' }).waitFor();
    const card = page.getByRole('article', { name: person.company });
    await card.getByTestId(`check-${devices.eligible[0]}`).waitFor({ timeout: 45000 });
    await card.getByRole('button', { name: 'Approve 1 serial number' }).click();
    await page.getByTestId('decision-outcome').waitFor();
  }
});
