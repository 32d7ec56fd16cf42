/**
 * The country chosen with the world-map picker in headless Chromium, in the portal-only harness
 * (portal-harness.ts: no API is needed here): the header, the helpdesk number, the FAQ's
 * answers and the date formats follow it, and it is remembered per browser (localStorage).
 * The FAQ is public and linked from the header and the footer.
 */
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, PageProblems, watchPageProblems } from '../../support/browser';
import { isApiStatusLine } from './portal-browser';
import { PortalHarness, startPortalHarness } from './portal-harness';

const US_HELPDESK = '1-800-275-9376 (prompts: 1, 3, 3)';
const DE_HELPDESK = '0800 181 8181 (prompts: 1, 4)';

describe('portal: country picker and FAQ (portal-only harness)', () => {
  let harness: PortalHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
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
    context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(15000);
    problems = watchPageProblems(page, isApiStatusLine);
  });

  afterEach(async () => {
    await context.close();
    expect(problems.problems).toEqual([]);
  });

  const chooseCountry = async (region: string, country: string) => {
    await page.getByRole('button', { name: /^Change country/ }).click();
    const picker = page.getByRole('dialog', { name: 'Choose your country' });
    await picker.getByRole('button', { name: region }).hover();
    await picker.getByRole('heading', { name: region }).waitFor();
    await picker.getByRole('list', { name: `Countries in ${region}` }).waitFor();
    await picker.getByRole('button', { name: country }).click();
    await picker.waitFor({ state: 'detached' });
  };

  it('Europe → Germany: header, helpdesk number, FAQ answers and dates follow; remembered after a reload', async () => {
    await page.goto(url('/faq'));
    await page.getByRole('heading', { level: 1, name: 'Frequently asked questions' }).waitFor();
    expect(await page.title()).toBe('Questions and answers — Metered Supplies');
    expect(await page.getByTestId('faq-helpdesk').innerText()).toContain(US_HELPDESK);
    expect(await page.getByTestId('faq-reviewed').innerText()).toContain('Nov 27, 2026');

    await chooseCountry('Europe', 'Germany');

    const trigger = page.getByRole('button', { name: 'Change country, current: Germany' });
    expect(await trigger.innerText()).toContain('Germany');
    expect(await trigger.locator('svg').count()).toBe(1); // the world-map icon beside the name
    expect(await page.getByTestId('footer-helpdesk').innerText()).toContain(DE_HELPDESK);
    expect(await page.getByTestId('faq-helpdesk').innerText()).toContain(
      `Supplies Helpdesk for Germany: ${DE_HELPDESK}`,
    );
    const expedite = page.locator('#faq-expedite');
    expect(await expedite.innerText()).toContain(DE_HELPDESK);
    expect(await expedite.innerText()).not.toContain('1-800-275-9376');
    // Intl with the country's locale (de-DE): day.month.year.
    expect(await page.getByTestId('faq-reviewed').innerText()).toContain('27.11.2026');
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { localStorage: { getItem(key: string): string | null } }
        ).localStorage.getItem('metered.country'),
      ),
    ).toBe('DE');

    await page.reload();
    await page.getByRole('button', { name: 'Change country, current: Germany' }).waitFor();
    expect(await page.getByTestId('faq-reviewed').innerText()).toContain('27.11.2026');

    // Another region, another format: Japan.
    await chooseCountry('Asia Pacific', 'Japan');
    expect(await page.getByTestId('faq-reviewed').innerText()).toContain('2026/11/27');
    expect(await page.getByTestId('footer-helpdesk').innerText()).toContain('0120-000-111');
  });

  it('the FAQ is public, linked in the header and the footer, and answers the help page’s questions for this portal', async () => {
    await page.goto(url('/login'));
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    const headerLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
      name: 'FAQ',
    });
    expect(await headerLink.getAttribute('href')).toBe('/faq');
    expect(
      await page
        .getByRole('contentinfo')
        .getByRole('link', { name: 'Questions and answers' })
        .getAttribute('href'),
    ).toBe('/faq');
    await headerLink.click();
    await page.getByRole('heading', { level: 1, name: 'Frequently asked questions' }).waitFor();

    const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
    for (const topic of [
      /register/i,
      /order supplies online/i,
      /expedited/i,
      /password/i,
      /not in the pull-down/i,
      /more machines/i,
      /grayed out/i,
      /different country/i,
    ])
      expect(headings.some((heading) => topic.test(heading))).toBe(true);
    // Answers for this portal: its own pages, not the vendor's email address.
    expect(
      await page
        .locator('#faq-unlisted-item')
        .getByRole('link', { name: 'Item not listed' })
        .count(),
    ).toBe(1);
    expect(
      await page.locator('#faq-more-machines').getByRole('link', { name: 'Add machines' }).count(),
    ).toBe(1);
    expect(await page.locator('main').innerText()).not.toContain('@');
    expect(await page.locator('#faq-address').innerText()).toContain(US_HELPDESK);

    // A signed-in page linked from the FAQ asks for sign-in first.
    await page.locator('#faq-more-machines').getByRole('link', { name: 'Add machines' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });
});
