/**
 * A customer outside the US in headless Chromium against the real stack: signed in, the
 * portal shows the account's own country (Germany) and its helpdesk, one helpdesk contact per
 * page even after the picker is used; and when the device's contract has ended, the order and
 * account pages say when it ended, how to renew it and whom to call.
 * Screenshots go to test-results/portal/ (git-ignored).
 */
import path from 'node:path';
import { Page } from 'playwright-core';
import { SERVICE_NAMES } from '@metered/service-kit';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { MailCapture } from '../../../tools/stack/src/demo/mail-capture';
import { RegistrationFlow } from '../../../tools/stack/src/demo/registration-flow';
import { importTestDevices, TestDevices } from '../../support/registration/master-data.fixture';
import { registrationRequest } from '../../support/registration/registration-request.fixture';
import { testStackEnv, useApps } from '../../support/stack-env';
import {
  ADMIN,
  importMasterData,
  isoDay,
  portalTabs,
  signInThroughPage,
  waitForOrderingCatalog,
} from './portal-browser';
import { REPO_ROOT } from './web-build';

const PASSWORD = 'Own-Country-Toner-2026!';
const DE_PHONE = '0800 181 8181';
const UK_PHONE = '0808 157 0192';
const ARTIFACTS = path.join(REPO_ROOT, 'test-results/portal');

/** The distinct helpdesk numbers a page shows (each is a tel: link). */
async function helpdeskNumbers(page: Page): Promise<string[]> {
  const texts = await page
    .locator('a.helpdesk-number .helpdesk-number__phone, a.helpdesk-number')
    .evaluateAll((links) =>
      links.map(
        (link) =>
          (link as unknown as { getAttribute(n: string): string | null }).getAttribute('href') ??
          '',
      ),
    );
  return [...new Set(texts.filter((href) => href.startsWith('tel:')))];
}

describe('portal: the customer’s own country and an ended contract (real stack)', () => {
  let baseUrl: string;
  let gateway: GatewayClient;
  let adminToken: string;
  let devices: TestDevices;
  let email: string;
  let customer: LoginAnswer;
  const tabs = portalTabs();

  const signedIn = async (): Promise<Page> => {
    const { page } = await tabs.open();
    await signInThroughPage(page, baseUrl, email, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Order Supplies' }).waitFor();
    return page;
  };

  beforeAll(async () => {
    baseUrl = (await useApps(SERVICE_NAMES)).gateway;
    gateway = new GatewayClient(baseUrl);
    const mail = new MailCapture(testStackEnv().MAIL_CAPTURE_URL);
    adminToken = (await gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN }))
      .accessToken;
    devices = await importTestDevices(gateway, adminToken, 1);
    const request = registrationRequest([devices.german], {
      country: 'DE',
      phone: '+49 30 1234567',
      shipTo: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
    });
    email = request.email;
    await new RegistrationFlow(gateway, mail).registerApproveAndActivate(
      adminToken,
      request,
      PASSWORD,
    );
    customer = await gateway.expect<LoginAnswer>(200, '/api/auth/login', {
      body: { email, password: PASSWORD },
    });
    await waitForOrderingCatalog(gateway, customer.accessToken, (serials) =>
      serials.some((entry) => entry.serial === devices.german && entry.covered),
    );
    await tabs.launch();
  }, 600000);

  it('shows the account’s country and one helpdesk contact per page, also after picking another', async () => {
    const page = await signedIn();
    await page.getByRole('button', { name: 'Change country, current: Germany' }).waitFor();
    for (const pathname of ['/order', '/account', '/requests/machines', '/requests/item']) {
      await page.goto(`${baseUrl}${pathname}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('a.helpdesk-number').first().waitFor();
      expect({ pathname, numbers: await helpdeskNumbers(page) }).toEqual({
        pathname,
        numbers: [`tel:${DE_PHONE.replace(/\s/g, '')}`],
      });
      expect(await page.getByTestId('footer-helpdesk').innerText()).toContain(DE_PHONE);
    }

    // The picker still shows another country: then every number on the page is that one.
    await page.goto(`${baseUrl}/order`);
    await page.getByRole('button', { name: /^Change country/ }).click();
    const picker = page.getByRole('dialog', { name: 'Choose your country' });
    await picker.getByRole('button', { name: 'Europe' }).hover();
    await picker.getByRole('button', { name: 'United Kingdom' }).click();
    await page.getByRole('button', { name: 'Change country, current: United Kingdom' }).waitFor();
    expect(await helpdeskNumbers(page)).toEqual([`tel:${UK_PHONE.replace(/\s/g, '')}`]);
    await page.reload();
    await page.getByRole('button', { name: 'Change country, current: United Kingdom' }).waitFor();

    // Signed out and in again: the account's own country again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signInThroughPage(page, baseUrl, email, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Order Supplies' }).waitFor();
    await page.getByRole('button', { name: 'Change country, current: Germany' }).waitFor();
  });

  it('says when the contract ended, how to renew it and whom to call', async () => {
    const endedOn = isoDay(-10);
    await importMasterData(gateway, adminToken, 'contracts', [
      {
        contractId: `C-${devices.german}`,
        serial: devices.german,
        status: 'active',
        startsOn: isoDay(-200),
        endsOn: endedOn,
      },
    ]);
    await waitForOrderingCatalog(gateway, customer.accessToken, (serials) =>
      serials.some((entry) => entry.serial === devices.german && !entry.covered),
    );
    const [year, month, day] = endedOn.split('-');
    const germanDate = `${day}.${month}.${year}`; // de-DE, the account's country

    const page = await signedIn();
    const device = page.getByTestId(`device-${devices.german}`);
    await device.getByText(`it ended on ${germanDate}`).waitFor();
    const advice = page.locator(`[id="serial-choice-${devices.german}-advice"]`);
    const text = await advice.innerText();
    expect(text).toContain(`No active Metered Supplies contract: it ended on ${germanDate}.`);
    expect(text).toContain(`To renew the contract, call the Supplies Helpdesk at ${DE_PHONE}`);
    expect(text).toMatch(/online store or an authorised partner/);
    expect(await device.getByRole('radio').isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'contract-ended.png'), fullPage: true });

    await page.goto(`${baseUrl}/account`);
    const lapse = page.getByTestId(`lapse-${devices.german}`);
    await lapse.waitFor();
    expect(await lapse.innerText()).toContain(`it ended on ${germanDate}`);
    expect(await lapse.innerText()).toContain('To renew the contract');
  });
});
