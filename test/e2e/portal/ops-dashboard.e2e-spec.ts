/**
 * The ops dashboard in headless Chromium against the real stack: an ops user lands on /ops, sees every service's tile, the throughput chart and a message notifications
 * could not parse, replays it after confirming, and the page shows it replayed. The page is
 * saved as docs/ops-dashboard.png.
 */
import 'reflect-metadata';
import path from 'node:path';
import { Browser } from 'playwright-core';
import { LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { launchChromium } from '../../support/browser';
import { KafkaTestClient } from '../../support/event-platform/kafka-test-client';
import { OrderingHarness, PASSWORD } from '../../support/ordering/ordering-harness';
import { publishPoison, staffUser, waitForDeadLetter } from '../operations/operations-harness';
import { openTab, PortalTab, signInThroughPage } from './portal-browser';
import { REPO_ROOT } from './web-build';

const SERVICES = ['gateway', 'identity', 'registry', 'ordering', 'notifications', 'operations'];

describe('portal: the ops dashboard (real stack)', () => {
  const harness = new OrderingHarness();
  const kafka = new KafkaTestClient();
  let browser: Browser;
  let ops: LoginAnswer;
  let tab: PortalTab;

  beforeAll(async () => {
    await harness.start();
    ops = await staffUser(harness, ['ops']);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await tab?.context.close();
    await browser?.close();
    await kafka.close();
  });

  it('shows health, throughput and a dead letter, and replays it after a confirmation', async () => {
    const poison = await publishPoison(kafka);
    const letter = await waitForDeadLetter(harness, ops.accessToken, poison.key);

    tab = await openTab(browser);
    const { page } = tab;
    await signInThroughPage(page, harness.gateway.baseUrl, ops.user.email, PASSWORD);
    // Ops users land on the dashboard.
    await page.getByRole('heading', { level: 1, name: 'Operations' }).waitFor();

    for (const service of SERVICES) {
      await page.getByTestId(`service-${service}`).getByText('ready', { exact: true }).waitFor();
    }
    // The chart draws lines once two samples (10 s apart) exist; the page refreshes every 5 s.
    await page.getByTestId('throughput-chart').locator('polyline').first().waitFor({
      state: 'attached',
      timeout: 45000,
    });
    const row = page.getByTestId(`dead-letter-${letter.id}`);
    await row.waitFor();
    await row.getByText('malformed-json', { exact: true }).waitFor();
    await row.getByText(poison.key, { exact: true }).waitFor();
    await page.screenshot({ path: path.join(REPO_ROOT, 'docs/ops-dashboard.png'), fullPage: true });

    await row.getByRole('button', { name: 'Replay' }).click();
    await row.getByRole('button', { name: 'Cancel' }).click();
    await row.getByRole('button', { name: 'Replay' }).click();
    await row.getByRole('button', { name: 'Confirm replay' }).click();
    await page.getByTestId('ops-outcome').getByText('Replayed the message').waitFor();
    await row.getByText(`replayed by ${ops.user.email}`).waitFor();
    expect(tab.problems.problems).toEqual([]);
  });
});
