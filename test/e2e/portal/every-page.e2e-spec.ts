/**
 * Every page of the portal, as each kind of user sees it, in headless Chromium against the real
 * stack, at a phone's size (360 × 740): nothing is wider than the screen (no sideways
 * scrolling, the order form included once a serial and an item with a long name are chosen),
 * and axe-core finds no serious or critical accessibility violation (WCAG 2.1 A and AA rules).
 * The customer's agent has uploaded a month of readings, so the fleet page shows its meters and
 * the order rows their days to empty and suggestion.
 * Full-page screenshots go to test-results/portal/phone/ (git-ignored).
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Page } from 'playwright-core';
import { LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { Customer, OrderingHarness, PASSWORD } from '../../support/ordering/ordering-harness';
import { staffUser } from '../operations/operations-harness';
import { ADMIN, importMasterData, portalTabs, signInThroughPage } from './portal-browser';
import {
  createAgent,
  decliningHistory,
  supplyOf,
  uploadWhenKnown,
  waitForFleet,
} from './telemetry-fixture';
import { REPO_ROOT } from './web-build';

const PHONE = { width: 360, height: 740 };
const ARTIFACTS = path.join(REPO_ROOT, 'test-results/portal/phone');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The bits of the DOM used here (the root tsconfig, for Node code, has no DOM types). */
interface PageGlobals {
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
  axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> };
}

/** What is wrong with the page as it is now: too wide for the phone, or serious axe findings. */
async function pageProblems(page: Page, name: string): Promise<string[]> {
  const problems: string[] = [];
  const width = await page.evaluate(() => {
    const root = (globalThis as unknown as PageGlobals).document.documentElement;
    return { scroll: root.scrollWidth, client: root.clientWidth };
  });
  if (width.scroll > width.client)
    problems.push(`${name}: ${width.scroll} px wide on a ${width.client} px screen`);
  // Evaluated through the DevTools protocol, so the portal's CSP does not apply to it.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(() =>
    (globalThis as unknown as PageGlobals).axe
      .run((globalThis as unknown as { document: unknown }).document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      })
      .then((result) =>
        result.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact,
          help: violation.help,
          nodes: violation.nodes.slice(0, 3).map((node) => ({ target: node.target })),
        })),
      ),
  );
  for (const violation of violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    const where = violation.nodes.map((node) => node.target.join(' ')).join(' | ');
    problems.push(`${name}: ${violation.impact} ${violation.id} (${violation.help}) at ${where}`);
  }
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  return problems;
}

describe('portal: every page on a phone, accessible (real stack)', () => {
  const harness = new OrderingHarness();
  const tabs = portalTabs();
  let customer: Customer;
  let agent: LoginAnswer;
  let ops: LoginAnswer;
  let orderId: string;
  let longItem: string;

  const phonePage = async (email: string, password: string, landing: string): Promise<Page> => {
    const { page } = await tabs.open();
    await page.setViewportSize(PHONE);
    await signInThroughPage(page, harness.gateway.baseUrl, email, password);
    await page.getByRole('heading', { level: 1, name: landing }).waitFor();
    return page;
  };
  const visit = async (page: Page, pathname: string, heading: string | RegExp) => {
    await page.goto(`${harness.gateway.baseUrl}${pathname}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    // Lists and tables load after the heading; let the page settle before it is measured.
    await page.waitForLoadState('networkidle');
  };

  beforeAll(async () => {
    await harness.start();
    customer = await harness.customer(1);
    [agent, ops] = await Promise.all([harness.helpdeskAgent(), staffUser(harness, ['ops'])]);
    // An item whose name is long, as real supply descriptions are: it must not widen the form.
    // It belongs to another model and the helpdesk adds it to the serial (SupplyItemAdded).
    const { modelCode } = customer.devices;
    longItem = `${customer.devices.reorderNumber}-L`;
    await importMasterData(harness.gateway, harness.adminToken, 'device-models', [
      { code: `${modelCode}-X`, name: `Other model ${modelCode}`, family: 'office' },
    ]);
    await importMasterData(harness.gateway, harness.adminToken, 'supply-items', [
      {
        reorderNumber: longItem,
        description: `Extra high capacity metered black toner cartridge with waste container and drum for ${modelCode} (two per carton)`,
        kind: 'toner',
        bottlesPerCarton: 2,
        compatibleModels: [`${modelCode}-X`],
      },
    ]);
    await harness.gateway.expect(
      201,
      `/api/accounts/${customer.accountId}/devices/${customer.devices.eligible[0]}/supply-items`,
      { token: agent.accessToken, body: { reorderNumber: longItem } },
    );
    await harness.waitForCatalog(customer.token, (items) => items[0]?.items.length === 2);
    orderId = await harness.placeOneCarton(customer);
    const dca = await createAgent(harness.gateway, customer.token, 'Phone-size DCA');
    const serial = customer.devices.eligible[0];
    await uploadWhenKnown(
      harness.gateway,
      dca,
      decliningHistory(
        serial,
        { reorderNumber: customer.devices.reorderNumber },
        { days: 30, fromPercent: 95, perDayPercent: 2.5 },
      ),
    );
    await waitForFleet(
      harness.gateway,
      customer.token,
      (fleet) => supplyOf(fleet, serial)?.percent !== undefined,
    );
    await tabs.launch();
  }, 600000);

  it('public pages', async () => {
    const { page } = await tabs.open();
    await page.setViewportSize(PHONE);
    const problems: string[] = [];
    const pages: [string, string, string | RegExp][] = [
      ['login', '/login', 'Sign in'],
      ['register', '/register', /Register/],
      ['forgot-password', '/forgot-password', /password/i],
      ['set-password', '/set-password', /password/i],
      ['faq', '/faq', 'Frequently asked questions'],
      ['not-found', '/no-such-page', /not found/i],
    ];
    for (const [name, pathname, heading] of pages) {
      await visit(page, pathname, heading);
      problems.push(...(await pageProblems(page, name)));
    }
    // The country picker open, over the page.
    await page.getByRole('button', { name: /^Change country/ }).click();
    await page.getByRole('dialog', { name: 'Choose your country' }).waitFor();
    problems.push(...(await pageProblems(page, 'country-picker')));
    expect(problems).toEqual([]);
  });

  it('customer pages, the order form with a serial and a long item chosen', async () => {
    const page = await phonePage(customer.email, PASSWORD, 'Order Supplies');
    const problems: string[] = [];
    await page.getByTestId(`device-${customer.devices.eligible[0]}`).getByRole('radio').check();
    await page.getByLabel('Choose your items to be ordered').selectOption(longItem);
    await page.getByTestId(`order-row-${longItem}`).waitFor();
    // A row with telemetry's days to empty and suggestion too.
    await page
      .getByLabel('Choose your items to be ordered')
      .selectOption(customer.devices.reorderNumber);
    await page
      .getByTestId(`order-row-${customer.devices.reorderNumber}`)
      .getByTestId('row-suggestion')
      .waitFor();
    problems.push(...(await pageProblems(page, 'order')));
    const pages: [string, string, string | RegExp][] = [
      ['my-orders', '/orders', 'My orders'],
      ['order-detail', `/orders/${orderId}`, /Order/],
      ['account', '/account', 'My account'],
      ['machines-request', '/requests/machines', 'Add machines'],
      ['item-request', '/requests/item', /Item not listed|not listed/i],
      ['fleet', '/fleet', 'My fleet'],
      ['agents', '/agents', 'Data collection agents'],
    ];
    for (const [name, pathname, heading] of pages) {
      await visit(page, pathname, heading);
      problems.push(...(await pageProblems(page, name)));
    }
    expect(problems).toEqual([]);
  });

  it('helpdesk pages', async () => {
    const page = await phonePage(agent.user.email, PASSWORD, 'Find an account');
    const problems: string[] = [];
    await page.getByLabel('Company, email, serial or order number').fill(customer.company);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId(`account-${customer.accountId}`).waitFor();
    problems.push(...(await pageProblems(page, 'helpdesk-search')));
    const pages: [string, string, string | RegExp][] = [
      ['helpdesk-account', `/helpdesk/accounts/${customer.accountId}`, customer.company],
      ['helpdesk-order', `/helpdesk/accounts/${customer.accountId}/order`, /order/i],
      ['helpdesk-requests', '/helpdesk/requests', 'Customer requests'],
      ['helpdesk-held', '/helpdesk/held', 'Held orders'],
      ['helpdesk-fleet', `/helpdesk/accounts/${customer.accountId}/fleet`, /^Fleet of /],
      ['helpdesk-agents', `/helpdesk/accounts/${customer.accountId}/agents`, /^Agents of /],
    ];
    for (const [name, pathname, heading] of pages) {
      await visit(page, pathname, heading);
      problems.push(...(await pageProblems(page, name)));
    }
    expect(problems).toEqual([]);
  });

  it('validator, admin and ops pages', async () => {
    const problems: string[] = [];
    const admin = await phonePage(ADMIN.email, ADMIN.password, 'Registration requests');
    problems.push(...(await pageProblems(admin, 'validator')));
    await visit(admin, '/admin/audit', 'Audit trail');
    problems.push(...(await pageProblems(admin, 'audit')));
    const opsPage = await phonePage(ops.user.email, PASSWORD, 'Operations');
    await opsPage.getByTestId('infrastructure-kafka').waitFor();
    await opsPage.getByTestId('telemetry-ingest').waitFor();
    problems.push(...(await pageProblems(opsPage, 'ops')));
    expect(problems).toEqual([]);
  });
});
