/**
 * Staff views in headless Chromium against the real stack: the helpdesk reads a customer
 * account's history of staff actions in words (and only that account's: the full trail stays
 * with admins), the admin reads and filters the whole trail, and ops land on the dashboard,
 * which shows the email counts as numbers and tiles for Kafka, the database and SMTP.
 * Screenshots go to test-results/portal/ (git-ignored).
 */
import 'reflect-metadata';
import path from 'node:path';
import { LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { Customer, OrderingHarness, PASSWORD } from '../../support/ordering/ordering-harness';
import { staffUser, waitForAudit } from '../operations/operations-harness';
import { ADMIN, portalTabs, signInThroughPage } from './portal-browser';
import { REPO_ROOT } from './web-build';

const ARTIFACTS = path.join(REPO_ROOT, 'test-results/portal');

describe('portal: staff views of the audit trail and the ops dashboard (real stack)', () => {
  const harness = new OrderingHarness();
  const tabs = portalTabs();
  let customer: Customer;
  let agent: LoginAnswer;
  let ops: LoginAnswer;
  let newCity: string;

  beforeAll(async () => {
    await harness.start();
    customer = await harness.customer(1);
    [agent, ops] = await Promise.all([harness.helpdeskAgent(), staffUser(harness, ['ops'])]);
    const account = await harness.gateway.expect<{ shipTo: Record<string, string> }>(
      200,
      `/api/accounts/${customer.accountId}`,
      { token: agent.accessToken },
    );
    newCity = `Shelbyville ${customer.accountId.slice(-4)}`;
    await harness.gateway.expect(200, `/api/accounts/${customer.accountId}/ship-to`, {
      method: 'PUT',
      token: agent.accessToken,
      body: { ...account.shipTo, city: newCity },
    });
    await waitForAudit(
      harness,
      harness.adminToken,
      `accountId=${customer.accountId}&action=ship-to.changed`,
      (items) => items.length === 1,
    );
    await tabs.launch();
  }, 600000);

  it('shows the helpdesk an account’s history in words, and only that account’s', async () => {
    // The API: an account's history for the helpdesk; the whole trail is not theirs, nor a customer's.
    const history = await harness.gateway.expect<{ items: { action: string }[] }>(
      200,
      `/api/audit/accounts/${customer.accountId}`,
      { token: agent.accessToken },
    );
    expect(history.items.map((item) => item.action)).toContain('ship-to.changed');
    await harness.gateway.expect(403, '/api/audit', { token: agent.accessToken });
    await harness.gateway.expect(403, `/api/audit/accounts/${customer.accountId}`, {
      token: customer.token,
    });

    const { page } = await tabs.open();
    await signInThroughPage(page, harness.gateway.baseUrl, agent.user.email, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Find an account' }).waitFor();
    await page.goto(`${harness.gateway.baseUrl}/helpdesk/accounts/${customer.accountId}`);
    const list = page.getByRole('list', { name: 'History of staff actions' });
    await list.waitFor();
    const entry = list.getByRole('listitem').filter({ hasText: 'changed the ship-to address' });
    const text = await entry.innerText();
    expect(text).toContain(agent.user.email);
    expect(text).toMatch(new RegExp(`Ship to: .+ → .*${newCity}`));
    expect(text).not.toContain('{'); // no raw JSON
    await page
      .getByTestId('account-history')
      .screenshot({ path: path.join(ARTIFACTS, 'helpdesk-account-history.png') });
  });

  it('lets the admin filter the whole trail by action, kept in the address', async () => {
    const { page } = await tabs.open();
    await signInThroughPage(page, harness.gateway.baseUrl, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { level: 1, name: 'Registration requests' }).waitFor();
    await page.goto(`${harness.gateway.baseUrl}/admin/audit?accountId=${customer.accountId}`);
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    const trail = page.getByRole('list', { name: 'Audit trail' });
    await trail.getByText('changed the ship-to address').waitFor();

    await page.getByLabel('Action').selectOption({ label: 'placed an order' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('No staff actions match.').waitFor();
    expect(new URL(page.url()).search).toBe(`?accountId=${customer.accountId}&action=order.placed`);
    await page.getByLabel('Action').selectOption({ label: 'changed the ship-to address' });
    await page.getByRole('button', { name: 'Filter' }).click();
    const entry = trail.getByRole('listitem').filter({ hasText: 'changed the ship-to address' });
    await entry.waitFor();
    expect(await entry.innerText()).toContain(newCity);
    // The page is readable: entries wrap instead of one narrow column thousands of pixels tall.
    const box = await entry.boundingBox();
    expect(box?.height ?? Infinity).toBeLessThan(400);
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-audit.png'), fullPage: true });
  });

  it('lands ops on the dashboard with email counts and tiles for Kafka, the database and SMTP', async () => {
    const { page } = await tabs.open();
    await signInThroughPage(page, harness.gateway.baseUrl, ops.user.email, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Operations' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/ops');
    for (const component of ['kafka', 'database', 'smtp']) {
      await page
        .getByTestId(`infrastructure-${component}`)
        .getByText('reachable', { exact: true })
        .waitFor();
    }
    const emails = await page.getByTestId('email-counts').innerText();
    expect(emails).toMatch(/Sent \d+ · failed \d+/);
    expect(emails).not.toContain('—');
    await page.screenshot({ path: path.join(ARTIFACTS, 'ops-dashboard.png'), fullPage: true });
  });
});
