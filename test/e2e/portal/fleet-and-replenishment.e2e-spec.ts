/**
 * Replenishment from device telemetry in the portal, in headless Chromium against the real
 * stack (the telemetry service included) through the gateway. Readings are uploaded the way a
 * data collection agent uploads them (POST /api/telemetry/readings with the agent's own
 * credential); nothing is mocked.
 *
 * - a customer with no agent sees the fleet's empty state, follows it to the agents page,
 *   creates an agent (credential shown once, copied to the clipboard), whose credential uploads
 *   readings, and revokes it after confirming (its uploads are then refused with 401);
 * - the fleet page: levels as meters with their values, days to empty with confidence,
 *   "learning", "cannot forecast" for a device that reports only "some remaining", a silent
 *   device first with "No reading for N days";
 * - Order Supplies: per item row, days to empty and "Suggested: N"; nothing is filled in until
 *   the customer uses it; the quantity stays theirs to change and the order carries it;
 * - the replenishment settings persist (customer), and the helpdesk reads and changes them;
 * - the helpdesk sees the account's fleet and agents and the suggestion on its order page;
 * - ops see the ingest figures and the refused readings by reason on the dashboard.
 */
import 'reflect-metadata';
import { Page } from 'playwright-core';
import { LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { Customer, OrderingHarness, PASSWORD } from '../../support/ordering/ordering-harness';
import { staffUser } from '../operations/operations-harness';
import { portalTabs, signInThroughPage } from './portal-browser';
import {
  createAgent,
  CreatedAgent,
  decliningHistory,
  FleetAnswer,
  someRemainingHistory,
  SuggestionsAnswer,
  supplyOf,
  uploadReadings,
  uploadWhenKnown,
  waitForFleet,
} from './telemetry-fixture';

interface SettingsAnswer {
  accountId: string;
  autoReplenishment: boolean;
  silentAfterDays: number;
  lowLevelPercent: number;
  safetyDays: number;
}

/** The bit of the DOM's clipboard used here (the root tsconfig has no DOM types). */
interface ClipboardGlobals {
  navigator: { clipboard: { readText(): Promise<string> } };
}

describe('portal: fleet, agents, suggestions and replenishment settings (real stack)', () => {
  const harness = new OrderingHarness();
  const tabs = portalTabs();
  /** Has no agent until the first test sets one up through the page. */
  let newcomer: Customer;
  /** Four devices reporting: forecast, silent, learning, "some remaining" only. */
  let customer: Customer;
  let agent: CreatedAgent;
  let helpdesk: LoginAnswer;
  let ops: LoginAnswer;
  let fleet: FleetAnswer;
  let forecastSerial: string;
  let silentSerial: string;
  let learningSerial: string;
  let coarseSerial: string;

  const signedIn = async (email: string, landing: string): Promise<Page> => {
    const tab = await tabs.open();
    await tab.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: harness.gateway.baseUrl,
    });
    await signInThroughPage(tab.page, harness.gateway.baseUrl, email, PASSWORD);
    await tab.page.getByRole('heading', { level: 1, name: landing }).waitFor();
    return tab.page;
  };
  const open = async (page: Page, pathname: string, heading: string | RegExp) => {
    await page.goto(`${harness.gateway.baseUrl}${pathname}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  };
  const settingsOf = (token: string, accountId?: string) =>
    harness.gateway.expect<SettingsAnswer>(
      200,
      `/api/telemetry/settings${accountId ? `?accountId=${accountId}` : ''}`,
      { token },
    );

  beforeAll(async () => {
    await harness.start();
    [newcomer, customer, helpdesk, ops] = await Promise.all([
      harness.customer(1),
      harness.customer(4),
      harness.helpdeskAgent(),
      staffUser(harness, ['ops']),
    ]);
    [forecastSerial, silentSerial, learningSerial, coarseSerial] = customer.devices.eligible;
    const supply = { reorderNumber: customer.devices.reorderNumber };
    agent = await createAgent(harness.gateway, customer.token, 'Head office DCA');
    await uploadWhenKnown(harness.gateway, agent, [
      // 30 days from 96 % down 3 % a day: about 9 days left.
      ...decliningHistory(forecastSerial, supply, { days: 30, fromPercent: 96, perDayPercent: 3 }),
      // Reported for 20 days, nothing for the last 10: silent (the account's default is 3 days).
      ...decliningHistory(silentSerial, supply, {
        days: 20,
        endDaysAgo: 10,
        fromPercent: 90,
        perDayPercent: 1,
      }),
      // One reading only: too little history to forecast.
      ...decliningHistory(learningSerial, supply, { days: 1, fromPercent: 70, perDayPercent: 0 }),
      ...someRemainingHistory(coarseSerial, supply, 10),
    ]);
    fleet = await waitForFleet(harness.gateway, customer.token, (answer) =>
      customer.devices.eligible.every(
        (serial) =>
          supplyOf(answer, serial)?.percent !== undefined ||
          supplyOf(answer, serial)?.state === 'cannot-forecast',
      ),
    );
    await tabs.launch();
  }, 600000);

  it('no agent yet: the fleet says so and leads to the agents page, where one is created (credential once), used and revoked', async () => {
    const page = await signedIn(newcomer.email, 'Order Supplies');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My fleet' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'My fleet' }).waitFor();
    const empty = page.getByTestId('fleet-empty');
    await empty.getByText('No data collection agent is set up for your account yet.').waitFor();
    await empty.getByRole('link', { name: 'Set up an agent' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data collection agents' }).waitFor();
    await page.getByTestId('no-agents').waitFor();

    // A name is required; the page says so at the field and sends nothing.
    await page.getByRole('button', { name: 'Create agent' }).click();
    await page.getByText('Enter a name for the agent').waitFor();
    await page.getByLabel('Agent name').fill('Basement DCA');
    await page.getByRole('button', { name: 'Create agent' }).click();
    const shown = page.getByTestId('agent-credential');
    await shown.getByText('Copy it now: it is shown only this once.').waitFor();
    const credential = await shown.getByLabel('Agent credential').inputValue();
    expect(credential).toMatch(/^mdca_[0-9a-f-]{36}_\S+$/);
    await shown.getByRole('button', { name: 'Copy credential' }).click();
    await shown.getByText('Copied to the clipboard.').waitFor();
    const copied = await page.evaluate(() =>
      (globalThis as unknown as ClipboardGlobals).navigator.clipboard.readText(),
    );
    expect(copied).toBe(credential);

    // The listed agent never shows the credential again.
    const listed = page.getByTestId('agent-Basement DCA');
    await listed.getByText('Active').waitFor();
    await shown.getByRole('button', { name: 'I have stored it' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(credential);

    // The credential works as the agent's own: a reading of the account's serial is accepted.
    const agentId = credential.slice('mdca_'.length, 'mdca_'.length + 36);
    const reading = decliningHistory(
      newcomer.devices.eligible[0],
      { reorderNumber: newcomer.devices.reorderNumber },
      { days: 1, fromPercent: 80, perDayPercent: 0 },
    );
    const upload = await uploadWhenKnown(harness.gateway, { agentId, credential }, reading);
    expect(upload.accepted + upload.duplicates).toBe(1);

    // Revoke asks first; "Keep it" changes nothing.
    await listed.getByRole('button', { name: 'Revoke agent Basement DCA' }).click();
    await listed.getByText(/Revoke “Basement DCA”\? Readings it sends are refused/).waitFor();
    await listed.getByRole('button', { name: 'Keep it' }).click();
    await listed.getByRole('button', { name: 'Revoke agent Basement DCA' }).click();
    await listed.getByRole('button', { name: 'Yes, revoke this agent' }).click();
    await page.getByTestId('agents-outcome').getByText('is revoked').waitFor();
    await page
      .getByTestId('agent-Basement DCA')
      .getByText('Revoked', { exact: true })
      .first()
      .waitFor();
    const refused = await uploadReadings(harness.gateway, { agentId, credential }, reading);
    expect(refused.status).toBe(401);
  });

  it('the fleet: silent device first, levels as meters with their values, learning and cannot-forecast', async () => {
    const page = await signedIn(customer.email, 'Order Supplies');
    await open(page, '/fleet', 'My fleet');
    const cards = page.getByRole('list', { name: 'Devices' }).getByRole('article');
    await cards.first().waitFor();
    // Silent devices first, in the service's order.
    const serials = await cards.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(serials).toEqual(fleet.devices.map((device) => device.serial));
    expect(serials[0]).toBe(silentSerial);
    const silent = page.getByTestId(`fleet-device-${silentSerial}`);
    await silent.getByTestId('device-silent').getByText('No reading for 10 days').waitFor();

    // A meter with its value and text, and the percentage written beside it.
    const percent = Math.round(supplyOf(fleet, forecastSerial)!.percent!);
    const device = page.getByTestId(`fleet-device-${forecastSerial}`);
    const meter = device.getByRole('meter', { name: /level/ });
    expect(Number(await meter.getAttribute('aria-valuenow'))).toBe(percent);
    expect(await meter.getAttribute('aria-valuetext')).toContain(`${percent}%`);
    await device.getByText(`${percent}%`).waitFor();
    expect(await device.getByTestId('last-reading').innerText()).toMatch(/Last reading: .+ \(.+\)/);

    await page
      .getByTestId(`fleet-device-${learningSerial}`)
      .getByText('Learning (needs a few more days of readings)')
      .waitFor();
    const coarse = page.getByTestId(`fleet-device-${coarseSerial}`);
    await coarse.getByText("Cannot forecast — this device reports only 'some remaining'").waitFor();
    // No bar where the device gave no number: its own words instead.
    expect(await coarse.getByRole('meter').count()).toBe(0);
    await coarse.getByTestId('supply-level').getByText('Some remaining').waitFor();
  });

  it('the fleet: days to empty with the confidence once a month of readings is forecast', async () => {
    const forecasted = await waitForFleet(
      harness.gateway,
      customer.token,
      (answer) => supplyOf(answer, forecastSerial)?.state === 'forecast',
    );
    const forecast = supplyOf(forecasted, forecastSerial)!;
    const page = await signedIn(customer.email, 'Order Supplies');
    await open(page, '/fleet', 'My fleet');
    const device = page.getByTestId(`fleet-device-${forecastSerial}`);
    const days = Math.round(forecast.daysToEmpty!);
    const text = `${days} day${days === 1 ? '' : 's'} to empty (${forecast.confidence} confidence)`;
    await device.getByTestId('supply-forecast').getByText(text, { exact: true }).waitFor();
  });

  it('Order Supplies shows days to empty and the suggestion per row; the customer uses it, changes it, and the order carries their quantity', async () => {
    const suggestions = await harness.gateway.expect<SuggestionsAnswer>(
      200,
      `/api/telemetry/devices/${forecastSerial}/suggestions`,
      { token: customer.token },
    );
    const item = suggestions.items.find((i) => i.reorderNumber === customer.devices.reorderNumber)!;
    expect(item.suggestedQuantity).toBeGreaterThan(0);

    const page = await signedIn(customer.email, 'Order Supplies');
    await page.getByTestId(`device-${forecastSerial}`).getByRole('radio').check();
    await page
      .getByLabel('Choose your items to be ordered')
      .selectOption(customer.devices.reorderNumber);
    const row = page.getByTestId(`order-row-${customer.devices.reorderNumber}`);
    const quantity = row.getByLabel('Quantity to order', { exact: true });
    await row
      .getByTestId('row-suggested')
      .getByText(`Suggested: ${item.suggestedQuantity}`)
      .waitFor();
    expect(await row.getByTestId('row-days-to-empty').innerText()).toContain('to empty');
    // Nothing is filled in silently.
    expect(await quantity.inputValue()).toBe('');
    await row
      .getByRole('button', {
        name: new RegExp(`^Use ${item.suggestedQuantity}: the suggested quantity for `),
      })
      .click();
    expect(await quantity.inputValue()).toBe(String(item.suggestedQuantity));
    // The customer's own number wins.
    const mine = item.suggestedQuantity === 1 ? 2 : 1;
    await quantity.fill(String(mine));
    await row.getByLabel('Full cartons onsite', { exact: true }).fill('0');
    await row.getByLabel('Individual bottles onsite', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Place order' }).click();
    const number = await page
      .getByTestId('order-confirmation')
      .getByTestId('order-number')
      .innerText();
    const { items } = await harness.orders(customer.token, `?serial=${forecastSerial}`);
    const placed = items.find((order) => order.orderNumber === number)!;
    expect(placed.rows).toEqual([expect.objectContaining({ quantity: mine })]);
  });

  it("the helpdesk sees another account's fleet and agents, and the suggestion on its order page", async () => {
    const page = await signedIn(helpdesk.user.email, 'Find an account');
    await open(
      page,
      `/helpdesk/accounts/${customer.accountId}/fleet`,
      `Fleet of ${customer.company}`,
    );
    await page.getByTestId(`fleet-device-${forecastSerial}`).getByRole('meter').waitFor();
    await page
      .getByTestId(`fleet-device-${silentSerial}`)
      .getByText('No reading for 10 days')
      .waitFor();

    await page.getByRole('link', { name: 'Data collection agents' }).click();
    await page.getByRole('heading', { level: 1, name: `Agents of ${customer.company}` }).waitFor();
    await page.getByTestId('agent-Head office DCA').getByText('Active').waitFor();
    // The helpdesk sets one up for the customer on the phone.
    await page.getByLabel('Agent name').fill('Warehouse DCA');
    await page.getByRole('button', { name: 'Create agent' }).click();
    await page.getByTestId('agent-credential').getByText('it is shown only this once').waitFor();
    await page.getByTestId('agent-Warehouse DCA').waitFor();
    const { items } = await harness.gateway.expect<{
      items: { name: string; accountId: string }[];
    }>(200, '/api/telemetry/agents', { token: customer.token });
    expect(items.map((listed) => listed.name).sort()).toEqual(['Head office DCA', 'Warehouse DCA']);

    await open(
      page,
      `/helpdesk/accounts/${customer.accountId}/order?serial=${forecastSerial}`,
      `Order for ${customer.company}`,
    );
    await page
      .getByLabel('Choose your items to be ordered')
      .selectOption(customer.devices.reorderNumber);
    const row = page.getByTestId(`order-row-${customer.devices.reorderNumber}`);
    // The customer's order above may already cover it: the number is telemetry's, read back.
    const now = await harness.gateway.expect<SuggestionsAnswer>(
      200,
      `/api/telemetry/devices/${forecastSerial}/suggestions`,
      { token: helpdesk.accessToken },
    );
    const item = now.items.find((i) => i.reorderNumber === customer.devices.reorderNumber)!;
    await row.getByTestId('row-days-to-empty').waitFor();
    await row
      .getByTestId(item.state === 'forecast' ? 'row-suggested' : 'row-no-suggestion')
      .waitFor();
    const quantity = row.getByLabel('Quantity to order', { exact: true });
    expect(await quantity.inputValue()).toBe('');
    if (item.suggestedQuantity > 0) {
      await row.getByRole('button', { name: /^Use \d+: the suggested quantity/ }).click();
      expect(await quantity.inputValue()).toBe(String(item.suggestedQuantity));
    }
  });

  it('replenishment settings persist for the customer; the helpdesk reads and changes them', async () => {
    expect((await settingsOf(customer.token)).autoReplenishment).toBe(false);
    const page = await signedIn(customer.email, 'Order Supplies');
    await open(page, '/fleet', 'My fleet');
    const form = page.getByRole('form', { name: 'Replenishment settings' });
    const toggle = form.getByRole('checkbox', { name: 'Automatic replenishment' });
    expect(await toggle.isChecked()).toBe(false);
    await form.getByText('we place a standard order for you').waitFor();
    // A number the page cannot send is refused at its field, and nothing is saved.
    await form.getByLabel('Silence period (days)').fill('two');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByText('Enter a whole number, like 3.').waitFor();
    await form.getByLabel('Silence period (days)').fill('4');
    await toggle.check();
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByTestId('settings-outcome').getByText('Replenishment settings saved.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My fleet' }).waitFor();
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    expect(await form.getByLabel('Silence period (days)').inputValue()).toBe('4');
    expect(await settingsOf(customer.token)).toEqual(
      expect.objectContaining({ autoReplenishment: true, silentAfterDays: 4 }),
    );

    // The helpdesk sees the customer's choice on the account's fleet page and turns it off.
    const agentPage = await signedIn(helpdesk.user.email, 'Find an account');
    await open(agentPage, `/helpdesk/accounts/${customer.accountId}`, customer.company);
    await agentPage.getByRole('link', { name: 'Fleet and replenishment settings' }).click();
    await agentPage
      .getByRole('heading', { level: 1, name: `Fleet of ${customer.company}` })
      .waitFor();
    const staffForm = agentPage.getByRole('form', { name: 'Replenishment settings' });
    const staffToggle = staffForm.getByRole('checkbox', { name: 'Automatic replenishment' });
    await staffToggle.waitFor();
    expect(await staffToggle.isChecked()).toBe(true);
    await staffForm.getByText('we place a standard order for the customer').waitFor();
    await staffToggle.uncheck();
    await staffForm.getByRole('button', { name: 'Save settings' }).click();
    await staffForm
      .getByTestId('settings-outcome')
      .getByText('Replenishment settings saved.')
      .waitFor();
    expect((await settingsOf(customer.token)).autoReplenishment).toBe(false);
  });

  it('ops see the ingest rate, refused readings by reason and the consumer lag', async () => {
    // A reading whose level is above its capacity is refused alone, with its reason.
    const bad = decliningHistory(
      forecastSerial,
      { reorderNumber: customer.devices.reorderNumber },
      { days: 1, fromPercent: 150, perDayPercent: 0 },
    );
    const refused = await uploadReadings(harness.gateway, agent, bad);
    expect(refused.status).toBe(200);
    expect(refused.body.refused).toBe(1);
    expect(refused.body.results[0].reason).toBeTruthy();

    const page = await signedIn(ops.user.email, 'Operations');
    const ingest = page.getByTestId('telemetry-ingest');
    await ingest.waitFor();
    await ingest.getByTestId('ingest-rate').getByText('Readings per minute').waitFor();
    await ingest.getByTestId('ingest-lag').getByText('Consumer lag (readings)').waitFor();
    expect(
      Number(
        (await ingest.getByTestId('ingest-refused').locator('strong').innerText()).replace(
          /\D/g,
          '',
        ),
      ),
    ).toBeGreaterThan(0);
    const byReason = await harness.gateway.expect<{ refusedByReason: Record<string, number> }>(
      200,
      '/api/telemetry/ops/ingest',
      { token: ops.accessToken },
    );
    const reasons = Object.keys(byReason.refusedByReason);
    expect(reasons.length).toBeGreaterThan(0);
    const table = ingest.getByRole('table', { name: 'Refused readings by reason' });
    for (const listed of reasons)
      await table.getByRole('cell', { name: listed, exact: true }).waitFor();
  });
});
