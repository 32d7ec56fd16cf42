/**
 * Smoke test of the web portal shell in headless Chromium, served by the gateway's PortalModule
 * inside a portal-only harness (see portal-harness.ts): no API exists there, so /api/* answers
 * 404 and the portal must say so clearly. One browser-side canned answer (marked below) checks
 * how the footer renders the gateway's 503 health body. The flows against the real API are in
 * registration-pages.e2e-spec.ts and validator-and-sign-in.e2e-spec.ts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { isFocused, launchChromium, PageProblems, watchPageProblems } from '../../support/browser';
import { PortalHarness, startPortalHarness } from './portal-harness';
import { REPO_ROOT } from './web-build';

const SCREENSHOT = path.join(REPO_ROOT, 'test-results/portal-login.png');

/** Chromium logs every non-2xx fetch; the 404s of the not-yet-built API are expected here. */
function isApiStatusLine(message: ConsoleMessage): boolean {
  return (
    message.text().startsWith('Failed to load resource') &&
    new URL(message.location().url).pathname.startsWith('/api/')
  );
}

describe('web portal shell (gateway PortalModule, portal-only harness)', () => {
  let harness: PortalHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageProblems: PageProblems;
  const url = (pathname: string) => `${harness.baseUrl}${pathname}`;

  beforeAll(async () => {
    harness = await startPortalHarness();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    page = await context.newPage();
    pageProblems = watchPageProblems(page, isApiStatusLine);
  });

  afterEach(async () => {
    await context.close();
    expect(pageProblems.problems).toEqual([]);
  });

  it('renders the login page at / with email, password, Register and Forgot-password links', async () => {
    const healthRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/health')) healthRequests.push(request.url());
    });
    await page.goto(url('/'));
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.title()).toBe('Sign in — Metered Supplies');
    expect(await page.getByRole('banner').innerText()).toContain('Metered Supplies');
    expect(await page.getByLabel('Email address', { exact: true }).getAttribute('type')).toBe(
      'email',
    );
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('type')).toBe(
      'password',
    );
    expect(await page.getByRole('link', { name: 'Register' }).getAttribute('href')).toBe(
      '/register',
    );
    expect(
      await page.getByRole('link', { name: 'Forgot your password?' }).getAttribute('href'),
    ).toBe('/forgot-password');
    expect(await page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    expect(await page.getByTestId('footer-helpdesk').innerText()).toContain(
      '1-800-275-9376 (prompts: 1, 3, 3)',
    );
    // Not signed in: no "Order Supplies" link; no /api/health in the harness: status is "unknown".
    expect(await page.getByRole('link', { name: 'Order Supplies' }).count()).toBe(0);
    await page.getByRole('status').getByText('System status unavailable').waitFor();
    // One status check per page load (a development React build would run the effect twice).
    expect(healthRequests).toHaveLength(1);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('shows field-level errors next to the fields it refuses', async () => {
    await page.goto(url('/'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    const email = page.getByLabel('Email address', { exact: true });
    await page.getByText('Enter your email address.').waitFor();
    await page.getByText('Enter your password.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-describedby')).toBe('login-email-error');
    expect(await isFocused(email)).toBe(true);

    await email.fill('not-an-email');
    await page.getByLabel('Password', { exact: true }).fill('secret');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter an email address like name@company.com.').waitFor();
    expect(await page.getByText('Enter your password.').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0); // nothing was sent
  });

  it('says sign-in is not available yet while POST /api/auth/login answers 404', async () => {
    await page.goto(url('/'));
    await page.getByLabel('Email address', { exact: true }).fill('buyer@example.com');
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Sign-in is not available yet.').waitFor();
    expect(await alert.innerText()).toContain(
      'call the Supplies Helpdesk at 1-800-275-9376 (prompts: 1, 3, 3)',
    );
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('navigates in-page from the Register and Forgot-password links, and back', async () => {
    await page.goto(url('/'));
    await page.evaluate(() => Object.assign(globalThis, { samePageMarker: true }));
    await page.getByRole('link', { name: 'Register' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register for an online account' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/register');
    expect(await page.title()).toBe('Register — Metered Supplies');
    // Still the same document: the router navigated without a reload.
    expect(await page.evaluate(() => 'samePageMarker' in globalThis)).toBe(true);

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/forgot-password');
  });

  it('serves deep links as the portal and leaves /api and /health to the server', async () => {
    await page.goto(url('/register'));
    await page.getByRole('heading', { level: 1, name: 'Register for an online account' }).waitFor();
    await page.goto(url('/no-such-page'));
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();

    const deepLink = await fetch(url('/register'));
    expect(deepLink.status).toBe(200);
    expect(deepLink.headers.get('content-type')).toContain('text/html');
    expect(deepLink.headers.get('cache-control')).toBe('no-cache');
    const html = await deepLink.text();
    expect(html).toContain('<div id="root"></div>');

    const asset = await fetch(
      url(html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1] ?? '/assets/missing.js'),
    );
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');

    for (const serverPath of [
      '/api',
      '/api/no-such-endpoint',
      '/api/auth/login',
      '/health/no-such-check',
    ]) {
      const response = await fetch(url(serverPath));
      expect({ serverPath, status: response.status }).toEqual({ serverPath, status: 404 });
      expect(response.headers.get('content-type')).toContain('application/json');
    }
  });

  it('changes the country with the world-map picker, shows its helpdesk number and remembers it', async () => {
    await page.goto(url('/'));
    const trigger = page.getByRole('button', { name: 'Change country, current: United States' });
    expect(await trigger.innerText()).toContain('United States');
    expect(await trigger.locator('svg').count()).toBe(1);

    await trigger.click();
    const picker = page.getByRole('dialog', { name: 'Choose your country' });
    await picker.waitFor();
    await picker.getByRole('button', { name: 'Europe' }).hover();
    await picker.getByRole('heading', { name: 'Europe' }).waitFor();
    await picker.getByRole('button', { name: 'United Kingdom' }).click();

    await picker.waitFor({ state: 'detached' });
    const changed = page.getByRole('button', { name: 'Change country, current: United Kingdom' });
    expect(await isFocused(changed)).toBe(true);
    const footer = page.getByTestId('footer-helpdesk');
    expect(await footer.innerText()).toContain('United Kingdom');
    expect(await footer.innerText()).toContain('0808 157 0192 (prompts: 2, 1)');
    expect(await footer.getByRole('link').getAttribute('href')).toBe('tel:08081570192');

    await page.reload();
    await page.getByRole('button', { name: 'Change country, current: United Kingdom' }).waitFor();

    // Escape closes the picker without changing anything.
    await page.getByRole('button', { name: /^Change country/ }).click();
    await picker.waitFor();
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
    expect(await footer.innerText()).toContain('United Kingdom');
  });

  it('names the dependency that is down in the status widget', async () => {
    // Browser-side canned answer: the harness has no health endpoint; this checks the rendering
    // of the gateway's documented 503 body (apps/gateway/src/system-health/system-health.dto.ts).
    await page.route('**/api/health', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          status: 'degraded',
          checkedAt: new Date().toISOString(),
          components: {
            gateway: { status: 'up' },
            kafka: { status: 'down', message: 'ECONNREFUSED' },
            ordering: { status: 'up' },
          },
        }),
      }),
    );
    await page.goto(url('/'));
    await page
      .getByRole('status')
      .getByText('Service disruption: Order processing unavailable')
      .waitFor();

    await page.unroute('**/api/health');
    await page.route('**/api/health', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          status: 'ok',
          checkedAt: '',
          components: { gateway: { status: 'up' } },
        }),
      }),
    );
    await page.reload();
    await page.getByRole('status').getByText('All systems operational').waitFor();
  });

  it('sends visitors of signed-in pages to sign in', async () => {
    for (const pathname of ['/order', '/validator', '/home']) {
      await page.goto(url(pathname));
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.getByRole('link', { name: 'Order Supplies' }).count()).toBe(0);
    }
  });

  it('says a password link without its token is incomplete', async () => {
    await page.goto(url('/set-password'));
    await page.getByRole('heading', { level: 1, name: 'Set your password' }).waitFor();
    await page.getByRole('alert').getByText('This link is invalid or has expired.').waitFor();
    expect(await page.getByLabel('New password').count()).toBe(0);
  });
});
