/**
 * The helpdesk console in headless Chromium, against the real stack through the gateway: an
 * agent (role helpdesk) finds a customer's account by order number, places
 * an EXPEDITED order on the customer's behalf (ordering records channel `helpdesk` and the
 * agent), and releases a held order from the held queue.
 */
import { SERVICE_NAMES } from '@metered/service-kit';
import { Browser, Page } from 'playwright-core';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { MailCapture, tokenOf } from '../../../tools/stack/src/demo/mail-capture';
import { RegistrationFlow } from '../../../tools/stack/src/demo/registration-flow';
import { launchChromium } from '../../support/browser';
import {
  importTestDevices,
  TestDevices,
  uniqueTag,
} from '../../support/registration/master-data.fixture';
import { registrationRequest } from '../../support/registration/registration-request.fixture';
import { testStackEnv, useApps } from '../../support/stack-env';
import {
  ADMIN,
  emailedLink,
  openTab,
  PortalTab,
  signInThroughPage,
  waitForOrderingCatalog,
} from './portal-browser';
import { ensureWebBuild } from './web-build';

const PASSWORD = 'Helpdesk-Console-2026!';

interface OrderAnswer {
  orderId: string;
  orderNumber: string;
  accountId: string;
  status: string;
  serial: string;
  channel: string;
  shippingMethod: string;
  placedBy: string;
  history: { status: string; note?: string }[];
}

describe('portal: the helpdesk console (real stack)', () => {
  let baseUrl: string;
  let gateway: GatewayClient;
  let browser: Browser;
  let devices: TestDevices;
  let company: string;
  let accountId: string;
  let customerToken: string;
  let agent: { email: string; userId: string; token: string };
  const tabs: PortalTab[] = [];

  const agentPage = async (path: string): Promise<Page> => {
    const tab = await openTab(browser);
    tabs.push(tab);
    await signInThroughPage(tab.page, baseUrl, agent.email, PASSWORD);
    await tab.page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
    await tab.page.goto(`${baseUrl}${path}`);
    return tab.page;
  };
  const search = async (page: Page, text: string) => {
    await page.getByLabel('Company, email, serial or order number').fill(text);
    await page.getByRole('button', { name: 'Search' }).click();
    return page.getByTestId(`account-${accountId}`);
  };
  const placeAsCustomer = (quantities: [number, number, number]) =>
    gateway.expect<OrderAnswer>(201, '/api/orders', {
      token: customerToken,
      body: {
        serial: devices.eligible[0],
        rows: [
          {
            reorderNumber: devices.reorderNumber,
            fullCartonsOnsite: quantities[0],
            bottlesOnsite: quantities[1],
            quantity: quantities[2],
          },
        ],
      },
    });

  beforeAll(async () => {
    ensureWebBuild();
    baseUrl = (await useApps(SERVICE_NAMES)).gateway;
    gateway = new GatewayClient(baseUrl);
    const mail = new MailCapture(testStackEnv().MAIL_CAPTURE_URL);
    const admin = await gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN });
    devices = await importTestDevices(gateway, admin.accessToken, 2);
    const request = registrationRequest(devices.eligible);
    company = request.company;
    const flow = new RegistrationFlow(gateway, mail);
    accountId = await flow.registerApproveAndActivate(admin.accessToken, request, PASSWORD);
    customerToken = (
      await gateway.expect<LoginAnswer>(200, '/api/auth/login', {
        body: { email: request.email, password: PASSWORD },
      })
    ).accessToken;
    await waitForOrderingCatalog(gateway, customerToken, (serials) =>
      devices.eligible.every((serial) => serials.some((s) => s.serial === serial && s.covered)),
    );

    const agentEmail = `agent.${uniqueTag(8).toLowerCase()}@portal-e2e.example.com`;
    await gateway.expect(201, '/api/users', {
      token: admin.accessToken,
      body: { email: agentEmail, name: 'Hana Helpdesk', roles: ['helpdesk'], country: 'US' },
    });
    const { url } = await emailedLink(mail, agentEmail, /login details/i, '/set-password', baseUrl);
    await gateway.expect(204, '/api/auth/password/setup', {
      body: { token: tokenOf(url), password: PASSWORD },
    });
    const login = await gateway.expect<LoginAnswer>(200, '/api/auth/login', {
      body: { email: agentEmail, password: PASSWORD },
    });
    agent = { email: agentEmail, userId: login.user.userId, token: login.accessToken };
    browser = await launchChromium();
  }, 600000);

  afterEach(async () => {
    for (const tab of tabs.splice(0)) {
      await tab.context.close();
      expect(tab.problems.problems).toEqual([]);
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('finds the customer’s account by order number and shows its machines and orders', async () => {
    const order = await placeAsCustomer([0, 0, 1]);
    const page = await agentPage('/home');
    await page.getByRole('link', { name: 'Find a customer account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find an account' }).waitFor();

    const byOrder = await search(page, order.orderNumber.toLowerCase());
    await byOrder.getByText(`by order ${order.orderNumber}`).waitFor();
    expect(await byOrder.innerText()).toContain(devices.eligible[1]);

    await byOrder.getByRole('link', { name: company }).click();
    await page.getByRole('heading', { level: 1, name: company }).waitFor();
    await page.getByTestId(`machine-${devices.eligible[0]}`).waitFor();
    await page.getByTestId(`account-order-${order.orderNumber}`).waitFor();
  });

  it('places an expedited order on the customer’s behalf, recorded with channel helpdesk and the agent', async () => {
    const serial = devices.eligible[1];
    const page = await agentPage(`/helpdesk/accounts/${accountId}`);
    await page.getByRole('heading', { level: 1, name: company }).waitFor();
    await page.getByRole('link', { name: `Place an order for ${serial}` }).click();
    await page.getByRole('heading', { level: 1, name: `Order for ${company}` }).waitFor();
    // The serial comes preselected from the machine's link.
    const radio = page.getByTestId(`device-${serial}`).getByRole('radio');
    await radio.waitFor();
    expect(await radio.isChecked()).toBe(true);

    await page.getByLabel('Choose your items to be ordered').selectOption(devices.reorderNumber);
    const row = page.getByTestId(`order-row-${devices.reorderNumber}`);
    await row.getByLabel('Full cartons onsite', { exact: true }).fill('0');
    await row.getByLabel('Individual bottles onsite', { exact: true }).fill('1');
    await row.getByLabel('Quantity to order', { exact: true }).fill('2');
    await page.getByLabel('Expedited shipping').check();
    await page.getByRole('button', { name: 'Place order' }).click();

    const confirmation = page.getByTestId('order-confirmation');
    await confirmation.waitFor();
    const orderNumber = await confirmation.getByTestId('order-number').innerText();
    expect(orderNumber).toMatch(/^MS-/);
    expect(await confirmation.innerText()).toContain('expedited shipping');

    const stored = await gateway.expect<OrderAnswer>(200, `/api/orders/${orderNumber}`, {
      token: agent.token,
    });
    expect(stored).toMatchObject({
      accountId,
      serial,
      channel: 'helpdesk',
      shippingMethod: 'expedited',
      placedBy: agent.userId,
    });
    // The customer sees it among their own orders.
    await gateway.expect(200, `/api/orders/${stored.orderId}`, { token: customerToken });
  });

  it('releases a held order from the held queue with a note', async () => {
    const held = await placeAsCustomer([5, 2, 4]);
    expect(held.status).toBe('held');
    const page = await agentPage('/helpdesk/held');
    await page.getByRole('heading', { level: 1, name: 'Held orders' }).waitFor();
    const card = page.getByTestId(`held-${held.orderNumber}`);
    await card.waitFor();
    expect(await card.getByTestId('hold-reason').innerText()).toContain('22 bottles onsite');
    expect(await card.innerText()).toContain(company);

    const note = `Customer confirmed a new site (${uniqueTag()})`;
    await card.getByLabel('Note for releasing (optional)').fill(note);
    await card.getByRole('button', { name: 'Release' }).click();
    const outcome = page.getByTestId('held-outcome');
    await outcome.waitFor();
    expect(await outcome.innerText()).toBe(`Released ${held.orderNumber}.`);
    await card.waitFor({ state: 'detached' });

    const stored = await gateway.expect<OrderAnswer>(200, `/api/orders/${held.orderId}`, {
      token: agent.token,
    });
    // The fulfilment stand-in may already have shipped it; the release stays in the history.
    const released = stored.history.find((entry) => entry.status === 'released');
    expect(released?.note).toBe(note);
  });
});
