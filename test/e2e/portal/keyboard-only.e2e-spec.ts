/**
 * The portal by keyboard alone, in headless Chromium against the real stack. The journeys use
 * only Tab, Shift+Tab, Enter, Space, the arrow keys, Escape and typing into the focused field —
 * no clicks: a customer signs in, reaches Order Supplies through the navigation, chooses a
 * serial and an item, sets the quantities, places the order and reads the confirmation, then
 * signs out; the validator approves a registration from its card. Every page (the list of
 * every-page.e2e-spec.ts) is then walked with Tab: the first stop is a skip link to the main
 * content, every stop shows a focus indicator that differs from its unfocused look and
 * contrasts 3:1 with what is around it, focus leaves the page within a bounded number of stops
 * (no trap) and Tab comes back to the start, nothing drawn as clickable is out of the
 * keyboard's reach, and the country picker closes with Escape, giving focus back to its button.
 * Screenshots go to test-results/portal/keyboard/ (git-ignored).
 */
import 'reflect-metadata';
import path from 'node:path';
import { Page } from 'playwright-core';
import { LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { Customer, OrderingHarness, PASSWORD } from '../../support/ordering/ordering-harness';
import { importTestDevices } from '../../support/registration/master-data.fixture';
import { registrationRequest } from '../../support/registration/registration-request.fixture';
import { staffUser } from '../operations/operations-harness';
import {
  Focused,
  focusedIn,
  FocusedLook,
  indicatorProblem,
  installKeyboardProbe,
  markAll,
  markStop,
  unfocusedLooks,
  unreachableClickables,
} from './keyboard-probe';
import { ADMIN, portalTabs, storedSession } from './portal-browser';
import { createAgent } from './telemetry-fixture';
import { ensureWebBuild, REPO_ROOT } from './web-build';

const ARTIFACTS = path.join(REPO_ROOT, 'test-results/portal/keyboard');
/** More stops than any page has: a walk that has not left the page by then is trapped. */
const MAX_STOPS = 250;

/** A focused element as a problem line names it. */
function label(focused: Focused): string {
  if (focused.tag === 'body') return '(nothing in the page)';
  const kind = focused.type ? `${focused.tag}[${focused.type}]` : focused.tag;
  return `${kind} "${focused.name}"`;
}

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element is the one wanted; fails with
 * the stops passed on the way when it never comes.
 */
async function tabTo(
  page: Page,
  wanted: (focused: Focused) => boolean,
  what: string,
  { back = false, max = 120 } = {},
): Promise<Focused> {
  const passed: string[] = [];
  for (let press = 0; press < max; press++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focusedIn(page);
    if (wanted(now)) return now;
    passed.push(label(now));
  }
  throw new Error(`${what} not reached by ${back ? 'Shift+Tab' : 'Tab'}: ${passed.join(' → ')}`);
}

const isField = (name: string) => (focused: Focused) =>
  ['input', 'select', 'textarea'].includes(focused.tag) && focused.name.startsWith(name);
const isButton = (name: string | RegExp) => (focused: Focused) =>
  focused.tag === 'button' &&
  (typeof name === 'string' ? focused.name === name : name.test(focused.name));
const isNavLink = (name: string) => (focused: Focused) =>
  focused.tag === 'a' && focused.name === name && !focused.inMain;

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Signs in with the keyboard: Tab to each field, type, Enter submits the form. */
async function signInByKeyboard(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
  landing: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await heading(page, 'Sign in');
  await tabTo(page, isField('Email address'), 'the email field');
  await page.keyboard.type(email);
  await tabTo(page, isField('Password'), 'the password field');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await heading(page, landing);
}

async function signOutByKeyboard(page: Page): Promise<void> {
  await tabTo(page, isButton('Sign out'), 'Sign out', { back: true });
  await page.keyboard.press('Enter');
  await heading(page, 'Sign in');
  expect(await storedSession(page)).toBeNull();
}

/** What is wrong with the page for a keyboard user; the page is freshly loaded. */
async function keyboardProblems(page: Page, name: string): Promise<string[]> {
  const problems: string[] = [];
  const problem = (line: string) => problems.push(`${name}: ${line}`);

  const before = await markAll(page);
  await page.keyboard.press('Tab');
  const first = await focusedIn(page);
  if (first.tag !== 'a' || first.href !== '#main')
    problem(`the first Tab stop is ${label(first)}, not a skip link to the main content`);

  // Tab through the page until focus leaves it for the browser's own UI.
  const looks: (FocusedLook & { mark: string })[] = [];
  const stops: string[] = [];
  let current = first;
  while (current.tag !== 'body' && stops.length < MAX_STOPS) {
    looks.push(await markStop(page));
    stops.push(label(current));
    await page.keyboard.press('Tab');
    current = await focusedIn(page);
  }
  if (current.tag !== 'body')
    problem(
      `focus never leaves the page in ${MAX_STOPS} Tab presses (a keyboard trap at ${label(current)}?)`,
    );
  const after = await unfocusedLooks(page);
  const unseen = looks
    .map((look, index) => {
      const why = indicatorProblem(look, after[look.mark] ?? before[look.mark]);
      return why && `${stops[index]} ${why}`;
    })
    .filter((line): line is string => Boolean(line));
  if (unseen.length)
    problem(
      `focus not visible at ${unseen.length} of ${stops.length} stops, e.g. ${unseen.slice(0, 3).join('; ')}`,
    );
  if (current.tag === 'body') {
    await page.keyboard.press('Tab');
    const again = await focusedIn(page);
    if (label(again) !== label(first))
      problem(`Tab after the last stop goes to ${label(again)}, not back to ${label(first)}`);
  }

  // The skip link takes focus to the main content: the next Tab stop is in it.
  if (first.href === '#main') {
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const next = await focusedIn(page);
    if (!next.inMain) problem(`after the skip link, Tab goes to ${label(next)}, outside main`);
  }

  const unreachable = await unreachableClickables(page);
  if (unreachable.length)
    problem(`drawn as clickable but not reachable by keyboard: ${unreachable.join(', ')}`);

  // The header's country picker: Enter opens it with focus inside, Escape closes it and gives
  // focus back to its button.
  await tabTo(page, (focused) => focused.name.startsWith('Change country'), 'the country picker', {
    back: true,
  });
  await page.keyboard.press('Enter');
  const inside = await focusedIn(page);
  if (!inside.inDialog) problem(`opening the country picker leaves focus at ${label(inside)}`);
  await page.keyboard.press('Escape');
  const dialogs = await page.getByRole('dialog').count();
  const back = await focusedIn(page);
  if (dialogs || !back.name.startsWith('Change country'))
    problem(`Escape in the country picker: ${dialogs} dialog(s) left, focus at ${label(back)}`);

  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  return problems;
}

describe('portal: by keyboard alone (real stack)', () => {
  const harness = new OrderingHarness();
  const tabs = portalTabs();
  let baseUrl: string;
  let customer: Customer;
  let agent: LoginAnswer;
  let ops: LoginAnswer;
  let orderId: string;
  let applicant: { company: string; registrationId: string };

  /** A tab whose every document has the keyboard probe. */
  const keyboardTab = async (): Promise<Page> => {
    const { page } = await tabs.open();
    await page.context().addInitScript(installKeyboardProbe);
    return page;
  };

  beforeAll(async () => {
    // The running gateway serves dist/web: build it again if apps/web changed since.
    await ensureWebBuild();
    await harness.start();
    baseUrl = harness.gateway.baseUrl;
    customer = await harness.customer(2);
    [agent, ops] = await Promise.all([harness.helpdeskAgent(), staffUser(harness, ['ops'])]);
    orderId = await harness.placeOneCarton(customer);
    await createAgent(harness.gateway, customer.token, 'Keyboard DCA');
    // A registration waiting for the validator's decision.
    const devices = await importTestDevices(harness.gateway, harness.adminToken, 1);
    const request = registrationRequest(devices.eligible);
    const registrationId = await harness.flow.register(request);
    await harness.flow.waitForChecks(harness.adminToken, registrationId);
    applicant = { company: request.company, registrationId };
    await tabs.launch();
  }, 600000);

  it('a customer signs in, orders supplies through the navigation and signs out', async () => {
    const page = await keyboardTab();
    const [firstSerial, secondSerial] = customer.devices.eligible;
    const item = customer.devices.reorderNumber;
    await signInByKeyboard(page, baseUrl, customer.email, PASSWORD, 'Order Supplies');

    // Away to My orders and back to Order Supplies through the main navigation.
    await tabTo(page, isNavLink('My orders'), "the navigation's My orders");
    await page.keyboard.press('Enter');
    await heading(page, 'My orders');
    await tabTo(page, isNavLink('Order Supplies'), "the navigation's Order Supplies", {
      back: true,
    });
    await page.keyboard.press('Enter');
    await heading(page, 'Order Supplies');
    await page.getByTestId(`device-${secondSerial}`).waitFor();

    // A serial: Tab into the radio group, Space chooses the focused serial.
    const radio = await tabTo(
      page,
      (focused) => focused.type === 'radio' && focused.name.includes(firstSerial),
      `the serial ${firstSerial}`,
    );
    expect(radio.checked).toBe(false);
    await page.keyboard.press('Space');
    expect((await focusedIn(page)).checked).toBe(true);

    // An item: the arrow keys go through the pull-down's options, Enter adds the chosen one.
    await tabTo(page, isField('Choose your items to be ordered'), 'the item pull-down');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId(`order-row-${item}`).count()).toBe(0);
    await page.keyboard.press('Enter');
    await page.getByTestId(`order-row-${item}`).waitFor();

    // Another serial asks first; Escape keeps the rows and gives focus back to the serial.
    await tabTo(page, (focused) => focused.type === 'radio', 'the serial numbers', { back: true });
    await page.keyboard.press(
      (await focusedIn(page)).name.includes(firstSerial) ? 'ArrowDown' : 'ArrowUp',
    );
    await page.getByTestId('serial-change-confirm').waitFor();
    const asking = await focusedIn(page);
    expect(asking.role).toBe('alertdialog');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('serial-change-confirm').count()).toBe(0);
    const afterEscape = await focusedIn(page);
    expect(afterEscape).toMatchObject({ type: 'radio', checked: true });
    expect(afterEscape.name).toContain(firstSerial);
    expect(await page.getByTestId(`order-row-${item}`).count()).toBe(1);

    // The row's numbers, typed into each focused field.
    for (const [field, value] of [
      ['Full cartons onsite', '0'],
      ['Individual bottles onsite', '1'],
      ['Quantity to order', '2'],
    ]) {
      await tabTo(page, isField(field), field);
      await page.keyboard.type(value);
    }
    await tabTo(page, isButton('Place order'), 'Place order');
    await page.keyboard.press('Enter');
    const confirmation = page.getByTestId('order-confirmation');
    await confirmation.waitFor();
    // The form the focus was in is gone: focus moves to the confirmation, so it is read out
    // and the next Tab continues from it.
    const onConfirmation = await focusedIn(page);
    expect(onConfirmation.name).toMatch(/your order is placed/);
    const orderNumber = await page.getByTestId('order-number').innerText();
    await page.screenshot({ path: path.join(ARTIFACTS, 'order-placed.png') });
    await tabTo(page, (focused) => focused.name === 'View this order', 'View this order');
    await page.keyboard.press('Enter');
    await heading(page, new RegExp(orderNumber));
    const placed = (await harness.orders(customer.token)).items.find(
      (order) => order.orderNumber === orderNumber,
    );
    expect(placed).toMatchObject({
      serial: firstSerial,
      rows: [{ reorderNumber: item, fullCartonsOnsite: 0, bottlesOnsite: 1, quantity: 2 }],
    });

    await signOutByKeyboard(page);
  });

  it('the validator approves a registration from its card', async () => {
    const page = await keyboardTab();
    await signInByKeyboard(page, baseUrl, ADMIN.email, ADMIN.password, 'Registration requests');
    await page.getByRole('article', { name: applicant.company }).waitFor();
    await tabTo(
      page,
      (focused) =>
        isButton(/^Approve 1 serial number$/)(focused) && focused.card === applicant.company,
      `Approve on the card of ${applicant.company}`,
      { max: 400 },
    );
    await page.keyboard.press('Enter');
    const outcome = page.getByTestId('decision-outcome');
    await outcome.waitFor();
    expect(await outcome.innerText()).toContain(`Approved ${applicant.company}`);
    // The card (and the button with focus) is gone: focus moves to the outcome.
    expect((await focusedIn(page)).name).toContain(`Approved ${applicant.company}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'validator-approved.png') });
    const decided = await harness.flow.get(harness.adminToken, applicant.registrationId);
    expect(decided.status).toBe('approved');
    await signOutByKeyboard(page);
  });

  const visit = async (page: Page, pathname: string, name: string | RegExp) => {
    await page.goto(`${baseUrl}${pathname}`);
    await heading(page, name);
    await page.waitForLoadState('networkidle');
  };
  const signedIn = async (email: string, password: string, landing: string) => {
    const page = await keyboardTab();
    await signInByKeyboard(page, baseUrl, email, password, landing);
    return page;
  };
  const walk = async (page: Page, pages: [string, string, string | RegExp][]) => {
    const problems: string[] = [];
    for (const [name, pathname, title] of pages) {
      await visit(page, pathname, title);
      problems.push(...(await keyboardProblems(page, name)));
    }
    return problems;
  };

  it('every public page', async () => {
    const page = await keyboardTab();
    const problems = await walk(page, [
      ['login', '/login', 'Sign in'],
      ['register', '/register', /Register/],
      ['forgot-password', '/forgot-password', /password/i],
      ['set-password', '/set-password', /password/i],
      ['faq', '/faq', 'Frequently asked questions'],
      ['not-found', '/no-such-page', /not found/i],
    ]);
    expect(problems).toEqual([]);
  });

  it("every customer's page", async () => {
    const page = await signedIn(customer.email, PASSWORD, 'Order Supplies');
    const problems = await walk(page, [
      ['order', '/order', 'Order Supplies'],
      ['my-orders', '/orders', 'My orders'],
      ['order-detail', `/orders/${orderId}`, /Order/],
      ['account', '/account', 'My account'],
      ['machines-request', '/requests/machines', 'Add machines'],
      ['item-request', '/requests/item', /Item not listed|not listed/i],
      ['fleet', '/fleet', 'My fleet'],
      ['agents', '/agents', 'Data collection agents'],
    ]);
    expect(problems).toEqual([]);
  });

  it('every helpdesk page', async () => {
    const page = await signedIn(agent.user.email, PASSWORD, 'Find an account');
    const account = `/helpdesk/accounts/${customer.accountId}`;
    const problems = await walk(page, [
      ['helpdesk-search', '/helpdesk', 'Find an account'],
      ['helpdesk-account', account, customer.company],
      ['helpdesk-order', `${account}/order`, /order/i],
      ['helpdesk-requests', '/helpdesk/requests', 'Customer requests'],
      ['helpdesk-held', '/helpdesk/held', 'Held orders'],
      ['helpdesk-fleet', `${account}/fleet`, /^Fleet of /],
      ['helpdesk-agents', `${account}/agents`, /^Agents of /],
    ]);
    expect(problems).toEqual([]);
  });

  it('every validator, admin and ops page', async () => {
    const admin = await signedIn(ADMIN.email, ADMIN.password, 'Registration requests');
    const problems = await walk(admin, [
      ['validator', '/validator', 'Registration requests'],
      ['audit', '/admin/audit', 'Audit trail'],
    ]);
    const opsPage = await signedIn(ops.user.email, PASSWORD, 'Operations');
    problems.push(...(await walk(opsPage, [['ops', '/ops', 'Operations']])));
    expect(problems).toEqual([]);
  });
});
