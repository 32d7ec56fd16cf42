/**
 * Helpers of the portal's browser suites against the real stack: a fresh browser context per
 * person, sign-in through the page, and what a person reads from their inbox.
 */
import { Browser, BrowserContext, ConsoleMessage, Locator, Page } from 'playwright-core';
import { GatewayClient, pollUntil } from '../../../tools/stack/src/demo/gateway-client';
import { linkIn, MailCapture } from '../../../tools/stack/src/demo/mail-capture';
import { launchChromium, PageProblems, watchPageProblems } from '../../support/browser';

export const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };

/**
 * Chromium logs every non-2xx fetch ("Failed to load resource"); the suites provoke 400, 401,
 * 409 and 429 answers of the API on purpose, so only those lines are expected.
 */
export function isApiStatusLine(message: ConsoleMessage): boolean {
  return (
    message.text().startsWith('Failed to load resource') &&
    new URL(message.location().url).pathname.startsWith('/api/')
  );
}

export interface PortalTab {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

/** A new browser context (own sessionStorage, so its own signed-in user) with one page. */
export async function openTab(browser: Browser): Promise<PortalTab> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  return { context, page, problems: watchPageProblems(page, isApiStatusLine) };
}

/**
 * The browser of a suite and the tabs its tests open: every tab is closed after its test,
 * which fails when the page logged a problem; the browser closes after the suite. Call
 * `launch()` at the end of the suite's beforeAll (after the slow setup).
 */
export function portalTabs() {
  let browser: Browser | undefined;
  const tabs: PortalTab[] = [];
  afterEach(async () => {
    for (const tab of tabs.splice(0)) {
      await tab.context.close();
      expect(tab.problems.problems).toEqual([]);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async launch(): Promise<void> {
      browser = await launchChromium();
    },
    async open(): Promise<PortalTab> {
      if (!browser) throw new Error('portalTabs: launch() the browser in beforeAll first');
      const tab = await openTab(browser);
      tabs.push(tab);
      return tab;
    },
  };
}

/** Fills and submits the login form as a person does; the caller waits for the landing page. */
export async function signInThroughPage(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * The link of the newest email to `address` whose subject matches, made to point at this
 * test's gateway (identity builds links from PORTAL_URL, which the test stack sets to it).
 */
export async function emailedLink(
  mail: MailCapture,
  address: string,
  subject: RegExp,
  pathname: string,
  baseUrl: string,
  newerThan: string[] = [],
): Promise<{ url: string; mailId: string }> {
  const message = await mail.waitForMatching(
    address,
    (candidate) => subject.test(candidate.subject) && !newerThan.includes(candidate.id),
    `a subject like ${subject}`,
    45000,
  );
  const link = new URL(linkIn(message, pathname));
  return { url: `${baseUrl}${link.pathname}${link.search}${link.hash}`, mailId: message.id };
}

/** The message of a field (in a page or a part of it): its error paragraph, found through aria-describedby as a reader would. */
export async function fieldError(scope: Page | Locator, label: string): Promise<string> {
  // Inputs only: "Remove serial number 2" buttons are labelled too.
  const input = scope.getByLabel(label, { exact: true }).and(scope.locator('input, textarea'));
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  if (!errorId) return '';
  return scope.locator(`[id="${errorId}"]`).innerText();
}

/** The bit of the DOM's Storage used here (the root tsconfig, for Node code, has no DOM types). */
interface PageStorage {
  sessionStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
  };
}

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
}

/** What the portal keeps in sessionStorage for the signed-in user (null when signed out). */
export async function storedSession(page: Page): Promise<StoredSession | null> {
  const raw = await page.evaluate(() =>
    (globalThis as unknown as PageStorage).sessionStorage.getItem('metered.session'),
  );
  return raw ? (JSON.parse(raw) as StoredSession) : null;
}

export async function storeSession(page: Page, session: StoredSession): Promise<void> {
  await page.evaluate(
    (value) =>
      (globalThis as unknown as PageStorage).sessionStorage.setItem('metered.session', value),
    JSON.stringify(session),
  );
}

/** A calendar day `offsetDays` from today, as the registry's imports take it (YYYY-MM-DD). */
export function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Imports master-data rows through the public API as the admin does (JSON format). */
export async function importMasterData(
  gateway: GatewayClient,
  adminToken: string,
  kind: 'device-models' | 'supply-items' | 'devices' | 'contracts',
  rows: object[],
): Promise<void> {
  await gateway.expect(200, '/api/master-data/imports', {
    token: adminToken,
    body: { kind, format: 'json', content: JSON.stringify(rows) },
  });
}

/** One serial of ordering's catalog (GET /api/orders/catalog/serials), as far as tests look. */
export interface CatalogSerialAnswer {
  serial: string;
  covered: boolean;
  items: { reorderNumber: string }[];
}

/**
 * Waits until ordering's read models (built from the registry's events) satisfy `ready`:
 * the portal can only order what ordering already knows.
 */
export async function waitForOrderingCatalog(
  gateway: GatewayClient,
  customerToken: string,
  ready: (serials: CatalogSerialAnswer[]) => boolean,
): Promise<CatalogSerialAnswer[]> {
  const read = () =>
    gateway.call<{ items: CatalogSerialAnswer[] }>('/api/orders/catalog/serials', {
      token: customerToken,
    });
  const answer = await pollUntil(read, (a) => a.status === 200 && ready(a.body.items), {
    timeoutMs: 60000,
    intervalMs: 500,
  });
  if (answer.status !== 200 || !ready(answer.body.items)) {
    throw new Error(
      `ordering's catalog not ready: ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`,
    );
  }
  return answer.body.items;
}
