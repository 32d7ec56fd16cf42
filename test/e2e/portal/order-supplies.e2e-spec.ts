/**
 * The portal's "Order Supplies" page and "My orders" in headless Chromium, against the real
 * stack through the gateway: a customer registered through the real flow picks a serial,
 * adds two item rows, places the order once (even on a double click), finds it in My orders;
 * an over-stocked row is held for review and can be cancelled; the API's field errors appear
 * at the row; an uncovered serial cannot be chosen; expedited shipping points to the helpdesk.
 */
import { SERVICE_NAMES } from '@metered/service-kit';
import { Page } from 'playwright-core';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { MailCapture } from '../../../tools/stack/src/demo/mail-capture';
import { RegistrationFlow } from '../../../tools/stack/src/demo/registration-flow';
import { importTestDevices, TestDevices } from '../../support/registration/master-data.fixture';
import { registrationRequest } from '../../support/registration/registration-request.fixture';
import { testStackEnv, useApps } from '../../support/stack-env';
import {
  ADMIN,
  fieldError,
  importMasterData,
  isoDay,
  portalTabs,
  signInThroughPage,
  waitForOrderingCatalog,
} from './portal-browser';

const PASSWORD = 'Magenta-Carton-Row-2026';

interface OrderAnswer {
  orderId: string;
  orderNumber: string;
  status: string;
  serial: string;
  rows: unknown[];
}

describe('portal: Order Supplies and My orders (real stack)', () => {
  let baseUrl: string;
  let gateway: GatewayClient;
  let devices: TestDevices;
  let customer: { email: string; token: string };
  /** Another account's customer, with a device of their own. */
  let other: { email: string; serial: string };
  let secondItem: string;
  let adminToken: string;
  const tabs = portalTabs();

  const signedIn = async (): Promise<Page> => {
    const tab = await tabs.open();
    await signInThroughPage(tab.page, baseUrl, customer.email, PASSWORD);
    await tab.page.getByRole('heading', { level: 1, name: 'Order Supplies' }).waitFor();
    return tab.page;
  };
  const ordersOf = async (serial: string): Promise<OrderAnswer[]> =>
    (
      await gateway.expect<{ items: OrderAnswer[] }>(200, `/api/orders?serial=${serial}`, {
        token: customer.token,
      })
    ).items;
  const chooseSerial = (page: Page, serial: string) =>
    page.getByTestId(`device-${serial}`).getByRole('radio').click();
  const chooser = (page: Page) => page.getByLabel('Choose your items to be ordered');
  const row = (page: Page, reorderNumber: string) => page.getByTestId(`order-row-${reorderNumber}`);
  const fillRow = async (
    page: Page,
    reorderNumber: string,
    [cartons, bottles, quantity]: [string, string, string],
  ) => {
    const fields = row(page, reorderNumber);
    await fields.getByLabel('Full cartons onsite', { exact: true }).fill(cartons);
    await fields.getByLabel('Individual bottles onsite', { exact: true }).fill(bottles);
    await fields.getByLabel('Quantity to order', { exact: true }).fill(quantity);
  };

  beforeAll(async () => {
    baseUrl = (await useApps(SERVICE_NAMES)).gateway;
    gateway = new GatewayClient(baseUrl);
    const admin = await gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN });
    adminToken = admin.accessToken;
    // eligible[2] loses its contract before the customer signs in, eligible[3] while ordering.
    devices = await importTestDevices(gateway, admin.accessToken, 4);
    // A second item tied to the same model, so one order can have two rows.
    secondItem = `${devices.reorderNumber}C`;
    await importMasterData(gateway, admin.accessToken, 'supply-items', [
      {
        reorderNumber: secondItem,
        description: `Cyan toner for ${devices.modelCode}`,
        kind: 'toner',
        bottlesPerCarton: 4,
        compatibleModels: [devices.modelCode],
      },
    ]);
    const request = registrationRequest(devices.eligible);
    const flow = new RegistrationFlow(gateway, new MailCapture(testStackEnv().MAIL_CAPTURE_URL));
    await flow.registerApproveAndActivate(admin.accessToken, request, PASSWORD);
    const otherDevices = await importTestDevices(gateway, admin.accessToken, 1);
    const otherRequest = registrationRequest(otherDevices.eligible);
    await flow.registerApproveAndActivate(admin.accessToken, otherRequest, PASSWORD);
    other = { email: otherRequest.email, serial: otherDevices.eligible[0] };
    // The third device's contract ends: a terminated amendment now decides its coverage.
    const ended = devices.eligible[2];
    await importMasterData(gateway, admin.accessToken, 'contracts', [
      {
        contractId: `X-${ended}`,
        serial: ended,
        status: 'terminated',
        startsOn: isoDay(-1),
        endsOn: isoDay(400),
      },
    ]);
    const login = await gateway.expect<LoginAnswer>(200, '/api/auth/login', {
      body: { email: request.email, password: PASSWORD },
    });
    customer = { email: request.email, token: login.accessToken };
    await waitForOrderingCatalog(gateway, customer.token, (serials) =>
      devices.eligible.every((serial) => {
        const entry = serials.find((candidate) => candidate.serial === serial);
        if (!entry) return false;
        return serial === ended ? !entry.covered : entry.covered && entry.items.length === 2;
      }),
    );
    await tabs.launch();
  }, 600000);

  it('places an order with two rows once, even on a double click, and lists it in My orders', async () => {
    const page = await signedIn();
    const serial = devices.eligible[0];
    await chooseSerial(page, serial);
    // Only the two items tied to this serial are offered.
    const options = await chooser(page).locator('option').allInnerTexts();
    expect(options).toHaveLength(3);
    expect(options.join('\n')).toContain(devices.reorderNumber);
    expect(options.join('\n')).toContain(secondItem);

    await chooser(page).selectOption(devices.reorderNumber);
    await row(page, devices.reorderNumber).waitFor();
    // The row appears just above the pull-down, and its item cannot be chosen twice.
    const rowBox = await row(page, devices.reorderNumber).boundingBox();
    const chooserBox = await chooser(page).boundingBox();
    expect(rowBox && chooserBox && rowBox.y + rowBox.height <= chooserBox.y).toBe(true);
    expect(
      await chooser(page).locator(`option[value="${devices.reorderNumber}"]`).isDisabled(),
    ).toBe(true);
    // Rows can be removed (and the item offered again).
    await chooser(page).selectOption(secondItem);
    await page
      .getByRole('button', { name: `Remove Cyan toner for ${devices.modelCode} (${secondItem})` })
      .click();
    await row(page, secondItem).waitFor({ state: 'detached' });
    await chooser(page).selectOption(secondItem);

    await fillRow(page, devices.reorderNumber, ['0', '1', '4']);
    await fillRow(page, secondItem, ['1', '0', '2']);
    await page.getByRole('button', { name: 'Place order' }).dblclick();

    const confirmation = page.getByTestId('order-confirmation');
    await confirmation.waitFor();
    const orderNumber = await confirmation.getByTestId('order-number').innerText();
    expect(orderNumber).toMatch(/^MS-/);
    expect(await confirmation.innerText()).toContain('your order is placed');
    const stored = await ordersOf(serial);
    expect(stored.map((order) => order.orderNumber)).toEqual([orderNumber]);
    expect(stored[0].rows).toHaveLength(2);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My orders' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'My orders' }).waitFor();
    const listed = page.getByTestId(`order-${orderNumber}`);
    await listed.waitFor();
    expect(await listed.innerText()).toContain(serial);
    // The stack's fulfilment stand-in ships placed orders after a delay: the list shows
    // "Placed" unless the order had already moved on when it was read.
    const shown = await listed.getByTestId('order-status').innerText();
    const [now] = await ordersOf(serial);
    if (now.status === 'placed') expect(shown).toBe('Placed');
    else expect(['Placed', 'Shipped', 'Delivered']).toContain(shown);

    // Filtering by another serial hides it.
    await page.getByLabel('Serial number').selectOption(devices.eligible[1]);
    await listed.waitFor({ state: 'detached' });
    await page.getByLabel('Serial number').selectOption('');
    await listed.getByRole('link', { name: orderNumber }).click();
    await page.getByRole('heading', { level: 1, name: `Order ${orderNumber}` }).waitFor();
    expect(await page.getByTestId(`detail-row-${secondItem}`).innerText()).toMatch(/1\s+0\s+2/);
    expect(await page.getByTestId('status-timeline').innerText()).toContain('Placed');
  });

  it('holds an over-stocked order for review with the reason in plain words; the customer cancels it', async () => {
    const page = await signedIn();
    const serial = devices.eligible[1];
    await chooseSerial(page, serial);
    await chooser(page).selectOption(devices.reorderNumber);
    await fillRow(page, devices.reorderNumber, ['5', '2', '4']);
    await page.getByRole('button', { name: 'Place order' }).click();

    const confirmation = page.getByTestId('order-confirmation');
    await confirmation.waitFor();
    expect(await confirmation.innerText()).toContain('Your order is held for review');
    expect(await confirmation.getByTestId('hold-reason').innerText()).toContain(
      '22 bottles onsite plus 4 bottles ordered is more than',
    );

    const orderNumber = await confirmation.getByTestId('order-number').innerText();
    await confirmation.getByRole('link', { name: 'View this order' }).click();
    await page.getByRole('heading', { level: 1, name: `Order ${orderNumber}` }).waitFor();
    expect(await page.getByTestId('order-status').innerText()).toBe('Held for review');
    expect(await page.getByTestId('hold-reason').innerText()).toContain('22 bottles onsite');
    await page.getByLabel('Reason for cancelling').fill('Found a full carton in the store room');
    await page.getByRole('button', { name: 'Cancel order' }).click();
    await page.getByTestId('order-status').filter({ hasText: 'Cancelled' }).waitFor();
    expect(await page.getByTestId('status-timeline').innerText()).toMatch(
      /Held for review[\s\S]*Cancelled/,
    );
    expect(await page.getByRole('button', { name: 'Cancel order' }).count()).toBe(0);
  });

  it('shows the API’s field errors at the row and stores nothing; changing serial asks first', async () => {
    const page = await signedIn();
    const serial = devices.eligible[0];
    const before = (await ordersOf(serial)).length;
    await chooseSerial(page, serial);
    await chooser(page).selectOption(devices.reorderNumber);
    await chooser(page).selectOption(secondItem);
    await fillRow(page, devices.reorderNumber, ['0', '0', '2']);
    await fillRow(page, secondItem, ['0', '1', '0']);
    await page.getByRole('button', { name: 'Place order' }).click();

    await page.getByTestId('order-summary').waitFor();
    expect(await fieldError(row(page, secondItem), 'Quantity to order')).toMatch(/1|quantity/i);
    expect(await fieldError(row(page, devices.reorderNumber), 'Quantity to order')).toBe('');
    expect(await ordersOf(serial)).toHaveLength(before);

    // Not a whole number: said at the field before anything is sent.
    await fillRow(page, secondItem, ['0', '1', '1.5']);
    await page.getByRole('button', { name: 'Place order' }).click();
    expect(await fieldError(row(page, secondItem), 'Quantity to order')).toBe(
      'Enter a whole number, like 2.',
    );

    // Another serial with rows present: asks, and "keep" changes nothing.
    await chooseSerial(page, devices.eligible[1]);
    const confirm = page.getByTestId('serial-change-confirm');
    await confirm.waitFor();
    await confirm.getByRole('button', { name: `Keep ${serial}` }).click();
    expect(await row(page, secondItem).count()).toBe(1);
    await chooseSerial(page, devices.eligible[1]);
    await confirm.getByRole('button', { name: 'Change serial and remove rows' }).click();
    await row(page, secondItem).waitFor({ state: 'detached' });
    expect(
      await page.getByTestId(`device-${devices.eligible[1]}`).getByRole('radio').isChecked(),
    ).toBe(true);
    expect(await ordersOf(serial)).toHaveLength(before);
  });

  it('refuses the order when the contract ended after the page loaded, with the store-or-partner advice', async () => {
    const page = await signedIn();
    const serial = devices.eligible[3];
    await chooseSerial(page, serial);
    await chooser(page).selectOption(devices.reorderNumber);
    await fillRow(page, devices.reorderNumber, ['0', '0', '4']);

    await importMasterData(gateway, adminToken, 'contracts', [
      {
        contractId: `X-${serial}`,
        serial,
        status: 'terminated',
        startsOn: isoDay(-1),
        endsOn: isoDay(400),
      },
    ]);
    await waitForOrderingCatalog(gateway, customer.token, (serials) =>
      serials.some((entry) => entry.serial === serial && !entry.covered),
    );
    await page.getByRole('button', { name: 'Place order' }).click();
    const refusal = page.getByTestId('order-problem');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/no current Metered Supplies contract/i);
    expect(await refusal.innerText()).toMatch(/store|partner/i);
    // The page learns it too: the serial can no longer be chosen.
    await page
      .getByTestId(`device-${serial}`)
      .getByText('No active Metered Supplies contract')
      .waitFor();
    expect(await page.getByTestId(`device-${serial}`).getByRole('radio').isDisabled()).toBe(true);
    expect(await ordersOf(serial)).toHaveLength(0);
  });

  it('shows another account’s customer none of the orders or serials, and the same “not found”', async () => {
    const serial = devices.eligible[0];
    const order = await gateway.expect<OrderAnswer>(201, '/api/orders', {
      token: customer.token,
      body: {
        serial,
        rows: [
          {
            reorderNumber: devices.reorderNumber,
            fullCartonsOnsite: 0,
            bottlesOnsite: 0,
            quantity: 1,
          },
        ],
      },
    });
    const tab = await tabs.open();
    const { page } = tab;
    await signInThroughPage(page, baseUrl, other.email, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Order Supplies' }).waitFor();
    await page.getByTestId(`device-${other.serial}`).waitFor();
    expect(await page.getByTestId(`device-${serial}`).count()).toBe(0);

    await page.goto(`${baseUrl}/orders`);
    await page.getByRole('heading', { level: 1, name: 'My orders' }).waitFor();
    await page.getByText('You have not placed any orders yet.').waitFor();
    for (const reference of [
      order.orderId,
      order.orderNumber,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      await page.goto(`${baseUrl}/orders/${reference}`);
      await page.getByRole('heading', { level: 1, name: 'Order not found' }).waitFor();
      expect(await page.getByRole('alert').innerText()).toBe(
        'There is no such order on your account.',
      );
    }
  });

  it('offers no uncovered serial, ships standard only and names the helpdesk for expedited', async () => {
    const page = await signedIn();
    const ended = page.getByTestId(`device-${devices.eligible[2]}`);
    expect(await ended.innerText()).toContain(
      'No active Metered Supplies contract: it was terminated',
    );
    expect(
      await page.locator(`[id="serial-choice-${devices.eligible[2]}-advice"]`).innerText(),
    ).toContain('buy supplies from our online store or an authorised partner');
    expect(await ended.getByRole('radio').isDisabled()).toBe(true);
    expect(await page.getByLabel('Choose your items to be ordered').count()).toBe(0);

    expect(await page.getByLabel('Standard shipping').isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /expedited/i }).count()).toBe(0);
    expect(await page.getByTestId('expedited-shipping').innerText()).toContain(
      'Expedited shipping is available only through the Supplies Helpdesk: 1-800-275-9376 (prompts: 1, 3, 3)',
    );
    // The ship-to address is read-only, and only the helpdesk changes it.
    expect(await page.getByLabel('Address line 1').isEditable()).toBe(false);
    expect(await page.getByTestId('ship-to-helpdesk').innerText()).toContain(
      'Only the Supplies Helpdesk can change the ship-to address: call 1-800-275-9376',
    );
  });
});
