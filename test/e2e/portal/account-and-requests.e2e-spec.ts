/**
 * A customer's self-service pages in headless Chromium against the real stack: "My account"
 * grayed out with the helpdesk sentence, "Add machines" (each serial's check in plain words,
 * the request in the list, then the helpdesk's approval shown there) and "Item not listed"
 * reached from Order Supplies (the API's field errors at the field, the request in the list).
 */
import { SERVICE_NAMES } from '@metered/service-kit';
import { Page } from 'playwright-core';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { MailCapture } from '../../../tools/stack/src/demo/mail-capture';
import { RegistrationFlow } from '../../../tools/stack/src/demo/registration-flow';
import {
  importTestDevices,
  TestDevices,
  uniqueTag,
} from '../../support/registration/master-data.fixture';
import { registrationRequest } from '../../support/registration/registration-request.fixture';
import { testStackEnv, useApps } from '../../support/stack-env';
import {
  ADMIN,
  fieldError,
  importMasterData,
  portalTabs,
  signInThroughPage,
  waitForOrderingCatalog,
} from './portal-browser';

const PASSWORD = 'Teal-Drum-Request-2026';

interface RequestAnswer {
  requestId: string;
  kind: string;
  status: string;
  serial?: string;
  reorderNumber?: string;
  checks?: { serial: string; outcome: string }[];
}

describe('portal: My account, Add machines and Item not listed (real stack)', () => {
  let baseUrl: string;
  let gateway: GatewayClient;
  let devices: TestDevices;
  let adminToken: string;
  let customer: { email: string; token: string; company: string };
  /** A real supply item that is not tied to the customer's model. */
  let unlistedItem: string;
  const tabs = portalTabs();

  const signedIn = async (): Promise<Page> => {
    const tab = await tabs.open();
    await signInThroughPage(tab.page, baseUrl, customer.email, PASSWORD);
    await tab.page.getByRole('heading', { level: 1, name: 'Order Supplies' }).waitFor();
    return tab.page;
  };
  const requestsOf = async (kind: string): Promise<RequestAnswer[]> =>
    (
      await gateway.expect<{ items: RequestAnswer[] }>(200, `/api/account-requests?kind=${kind}`, {
        token: customer.token,
      })
    ).items;

  beforeAll(async () => {
    baseUrl = (await useApps(SERVICE_NAMES)).gateway;
    gateway = new GatewayClient(baseUrl);
    const admin = await gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN });
    adminToken = admin.accessToken;
    // eligible[0] is registered; eligible[1] and eligible[2] are machines to add later.
    devices = await importTestDevices(gateway, adminToken, 3);
    const otherModel = `T-${uniqueTag()}`;
    unlistedItem = `U-${uniqueTag()}`;
    await importMasterData(gateway, adminToken, 'device-models', [
      { code: otherModel, name: `Other Model ${otherModel}`, family: 'office' },
    ]);
    await importMasterData(gateway, adminToken, 'supply-items', [
      {
        reorderNumber: unlistedItem,
        description: `Waste toner box for ${otherModel}`,
        kind: 'waste-container',
        bottlesPerCarton: 1,
        compatibleModels: [otherModel],
      },
    ]);
    const request = registrationRequest([devices.eligible[0]]);
    const flow = new RegistrationFlow(gateway, new MailCapture(testStackEnv().MAIL_CAPTURE_URL));
    await flow.registerApproveAndActivate(adminToken, request, PASSWORD);
    const login = await gateway.expect<LoginAnswer>(200, '/api/auth/login', {
      body: { email: request.email, password: PASSWORD },
    });
    customer = { email: request.email, token: login.accessToken, company: request.company };
    await waitForOrderingCatalog(gateway, customer.token, (serials) =>
      serials.some((entry) => entry.serial === devices.eligible[0] && entry.covered),
    );
    await tabs.launch();
  }, 600000);

  it('My account shows company, address and machines grayed out, with whom to call to change them', async () => {
    const page = await signedIn();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My account' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();

    const company = page.getByLabel('Company', { exact: true });
    await company.waitFor();
    expect(await company.inputValue()).toBe(customer.company);
    for (const label of ['Company', 'Address line 1', 'City', 'Postal code', 'Machine 1']) {
      const input = page.getByLabel(label, { exact: true });
      expect({ label, disabled: await input.isDisabled() }).toEqual({ label, disabled: true });
      expect({ label, editable: await input.isEditable() }).toEqual({ label, editable: false });
    }
    expect(await page.getByLabel('Address line 1', { exact: true }).inputValue()).toBe(
      '100 Main Street',
    );
    expect(await page.getByLabel('Machine 1', { exact: true }).inputValue()).toBe(
      devices.eligible[0],
    );
    const sentence = page.getByTestId('account-helpdesk');
    expect(await sentence.innerText()).toBe(
      'Only the Supplies Helpdesk can change your company, country, ship-to address or machines: call 1-800-275-9376 (prompts: 1, 3, 3) (United States).',
    );
    // The contract's end follows the chosen country's date format (US first, then Germany).
    const hint = page.locator(`[id="machine-${devices.eligible[0]}-hint"]`);
    expect(await hint.innerText()).toMatch(/contract until [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    await page.getByRole('button', { name: /^Change country/ }).click();
    const picker = page.getByRole('dialog', { name: 'Choose your country' });
    await picker.getByRole('button', { name: 'Europe' }).hover();
    await picker.getByRole('button', { name: 'Germany' }).click();
    expect(await hint.innerText()).toMatch(/contract until \d{2}\.\d{2}\.\d{4}/);
  });

  it('Add machines: each serial’s check in plain words, the request in the list, then the approval', async () => {
    const page = await signedIn();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Add machines' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Add machines' }).waitFor();
    const proof = page.getByLabel('A machine already on your account');
    await page.locator(`#proof-serial option[value="${devices.eligible[0]}"]`).waitFor({
      state: 'attached',
    });
    expect(await proof.inputValue()).toBe(devices.eligible[0]);
    await page.getByText('You have not sent a request yet.').waitFor();

    // An unknown serial is refused at its row; nothing is stored.
    await page.getByLabel('Serial number to add 1', { exact: true }).fill(devices.unknown);
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByTestId('request-problems').waitFor();
    expect(await fieldError(page, 'Serial number to add 1')).not.toBe('');
    expect(await requestsOf('machines')).toEqual([]);

    await page.getByLabel('Serial number to add 1', { exact: true }).fill(devices.eligible[1]);
    await page.getByRole('button', { name: 'Add another serial number' }).click();
    await page.getByLabel('Serial number to add 2', { exact: true }).fill(devices.noContract);
    await page.getByRole('button', { name: 'Send request' }).click();
    const sent = page.getByTestId('request-sent');
    await sent.waitFor();
    expect(await sent.innerText()).toContain('We received your request');
    expect(await sent.getByTestId(`check-${devices.eligible[1]}`).innerText()).toContain(
      'Can be added: it has an active Metered Supplies contract.',
    );
    expect(await sent.getByTestId(`check-${devices.noContract}`).innerText()).toContain(
      'No active Metered Supplies contract',
    );

    const [stored] = await requestsOf('machines');
    expect(stored).toMatchObject({ kind: 'machines', status: 'open' });
    const listed = page.getByTestId(`request-${stored.requestId}`);
    await listed.waitFor();
    expect(await listed.innerText()).toContain('Waiting for the Supplies Helpdesk');
    expect(await listed.innerText()).toContain(devices.eligible[1]);

    // The helpdesk approves; the customer's list shows it on the next visit.
    await gateway.expect(200, `/api/account-requests/${stored.requestId}/approve`, {
      token: adminToken,
      body: {},
    });
    await page.reload();
    await listed.waitFor();
    expect(await listed.innerText()).toContain(
      `Approved: ${devices.eligible[1]} is now on your account.`,
    );
  });

  it('Item not listed, from Order Supplies: field errors at the field, then the request in the list', async () => {
    const page = await signedIn();
    await page.getByTestId(`device-${devices.eligible[0]}`).getByRole('radio').click();
    await page.getByRole('link', { name: 'Item not in the list?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Item not listed' }).waitFor();
    await page.locator(`#item-serial option[value="${devices.eligible[0]}"]`).waitFor({
      state: 'attached',
    });
    expect(await page.getByLabel('Serial number', { exact: true }).inputValue()).toBe(
      devices.eligible[0],
    );
    const reorderNumber = page.getByLabel('Reorder number', { exact: true });

    // An unknown reorder number, then one already in the serial's list: at the field.
    await reorderNumber.fill(`NO-${uniqueTag()}`);
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByTestId('request-problems').waitFor();
    expect(await fieldError(page, 'Reorder number')).not.toBe('');
    await reorderNumber.fill(devices.reorderNumber);
    await page.getByRole('button', { name: 'Send request' }).click();
    // 409: already in the list — said at the reorder number too.
    await page.locator('#item-reorder-number-error', { hasText: devices.reorderNumber }).waitFor();
    expect(await requestsOf('supply-items')).toEqual([]);

    await reorderNumber.fill(unlistedItem);
    await page.getByLabel('Note (optional)').fill('For the new waste toner boxes, please.');
    await page.getByRole('button', { name: 'Send request' }).click();
    const sent = page.getByTestId('request-sent');
    await sent.waitFor();
    expect(await sent.innerText()).toContain(unlistedItem);
    expect(await fieldError(page, 'Reorder number')).toBe('');

    const [stored] = await requestsOf('supply-items');
    expect(stored).toMatchObject({
      kind: 'supply-items',
      status: 'open',
      serial: devices.eligible[0],
      reorderNumber: unlistedItem,
    });
    const listed = page.getByTestId(`request-${stored.requestId}`);
    await listed.waitFor();
    expect(await listed.innerText()).toContain('Waiting for the Supplies Helpdesk');
    expect(await listed.innerText()).toContain(unlistedItem);
  });
});
