/**
 * Headless Chromium for browser suites: Debian's `chromium` package (or CHROMIUM_PATH) driven by
 * playwright-core, so no browser download is needed. Flags keep it off the network except for
 * the loopback pages under test, and quiet on CI machines without a GPU or a sandbox.
 */
import { existsSync } from 'node:fs';
import { Browser, ConsoleMessage, chromium, Locator, Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install it (apt-get install -y chromium, or npm test does it) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface PageProblems {
  /** Console errors and uncaught page errors seen so far, as readable lines. */
  readonly problems: string[];
}

/**
 * Records console errors and uncaught exceptions of a page. `expected` lets a suite accept
 * console lines it provokes on purpose (e.g. Chromium logging a deliberate 404 response).
 */
export function watchPageProblems(
  page: Page,
  expected: (message: ConsoleMessage) => boolean = () => false,
): PageProblems {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected(message)) {
      problems.push(`console: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { problems };
}

/** The bit of the DOM Element API used here: the root tsconfig (Node code) has no DOM types. */
interface MatchableElement {
  matches(selector: string): boolean;
}

/** Whether the element has keyboard focus. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => (element as unknown as MatchableElement).matches(':focus'));
}
