/**
 * The portal's registration and sign-in pages in headless Chromium, against the real stack
 * through the gateway (identity, registry, notifications, Kafka, FerretDB, Mailpit): a person
 * registers, the validator approves in the queue, the emailed link sets the password, and the
 * new customer signs in, sees their devices and the read-only ship-to address, and signs out.
 */
import { SERVICE_NAMES } from '@metered/service-kit';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { MailCapture } from '../../../tools/stack/src/demo/mail-capture';
import {
  importTestDevices,
  TestDevices,
  uniqueTag,
} from '../../support/registration/master-data.fixture';
import { testStackEnv, useApps } from '../../support/stack-env';
import {
  ADMIN,
  emailedLink,
  fieldError,
  portalTabs,
  signInThroughPage,
  storedSession,
  StoredSession,
  storeSession,
} from './portal-browser';

const PASSWORD = 'Cyan-Toner-Bottle-2026';

describe('portal: register → validator approves → set password → customer home (real stack)', () => {
  let baseUrl: string;
  let gateway: GatewayClient;
  let mail: MailCapture;
  let devices: TestDevices;
  const tabs = portalTabs();
  const tag = uniqueTag(8).toLowerCase();
  const person = {
    company: `Portal Printing ${tag}`,
    contactName: 'Robin Portal',
    email: `robin.${tag}@portal-e2e.example.com`,
    phone: '+1 585 010 4477',
  };

  const newTab = async () => {
    const tab = await tabs.open();
    return tab;
  };

  beforeAll(async () => {
    const urls = await useApps(SERVICE_NAMES);
    baseUrl = urls.gateway;
    gateway = new GatewayClient(baseUrl);
    mail = new MailCapture(testStackEnv().MAIL_CAPTURE_URL);
    const admin = await gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN });
    devices = await importTestDevices(gateway, admin.accessToken, 2);
    await tabs.launch();
  }, 600000);

  it('shows the API’s field errors next to their fields, then confirms the request', async () => {
    const { page } = await newTab();
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('link', { name: 'Register' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register for an online account' }).waitFor();

    const form = page.getByRole('form', { name: 'Registration' });
    await form.getByLabel('Company').fill(person.company);
    await form.getByLabel('Contact name').fill(person.contactName);
    await form.getByLabel('Email address').fill('robin-at-example');
    await form.getByLabel('Phone').fill(person.phone);
    // The country comes from the region → country picker; the ship-to country follows it.
    await form.getByRole('button', { name: /^Country: / }).click();
    const picker = page.getByRole('dialog', { name: 'Choose your country' });
    await picker.getByRole('button', { name: 'North America' }).click();
    await picker.getByRole('button', { name: 'United States' }).click();
    expect(await page.getByTestId('register-ship-to-country').innerText()).toBe('United States');
    await form.getByLabel('Address line 1').fill('1 Portal Plaza');
    await form.getByLabel('City').fill('Rochester');
    await form.getByLabel('State or province (optional)').fill('NY');
    await form
      .getByRole('textbox', { name: 'Serial number 1' })
      .fill(devices.eligible[0].toLowerCase());
    await form.getByRole('button', { name: 'Add another serial number' }).click();
    await form.getByRole('textbox', { name: 'Serial number 2' }).fill('BAD-SERIAL');
    await form.getByRole('button', { name: 'Send registration request' }).click();

    // First answer: the DTO's problems (email format, missing postal code), each at its field.
    await page.getByTestId('register-summary').waitFor();
    expect(await fieldError(page, 'Email address')).toMatch(/email/i);
    expect(await fieldError(page, 'Postal code')).toContain('Enter the postal code.');
    expect(await fieldError(page, 'Company')).toBe('');

    await form.getByLabel('Email address').fill(person.email);
    await form.getByLabel('Postal code').fill('14604');
    await form.getByRole('button', { name: 'Send registration request' }).click();
    // Second answer: the serial rules name `serials.1`, shown at the second row.
    await page.getByText('One thing needs your attention', { exact: false }).waitFor();
    expect(await fieldError(page, 'Serial number 2')).toMatch(/BAD-SERIAL|serial/i);
    expect(await fieldError(page, 'Email address')).toBe('');

    await form.getByRole('textbox', { name: 'Serial number 2' }).fill(devices.eligible[1]);
    await form.getByRole('button', { name: 'Send registration request' }).click();
    await page.getByRole('heading', { level: 1, name: 'We received your request' }).waitFor();
    expect(await page.getByRole('main').innerText()).toContain(person.email);
    expect(await page.getByTestId('registration-reference').innerText()).toMatch(/^[0-9a-f-]{36}$/);

    // The same address again is refused with a clear message (409).
    await page.goto(`${baseUrl}/register`);
    await form.getByLabel('Company').fill(person.company);
    await form.getByLabel('Contact name').fill(person.contactName);
    await form.getByLabel('Email address').fill(person.email.toUpperCase());
    await form.getByLabel('Phone').fill(person.phone);
    await form.getByLabel('Address line 1').fill('1 Portal Plaza');
    await form.getByLabel('City').fill('Rochester');
    await form.getByLabel('Postal code').fill('14604');
    await form.getByRole('textbox', { name: 'Serial number 1' }).fill(devices.eligible[0]);
    await form.getByRole('button', { name: 'Send registration request' }).click();
    await page
      .getByRole('alert')
      .getByText(/already exists for this email address/)
      .waitFor();

    const received = await mail.waitFor(person.email, /received/i, 45000);
    expect(received.text).toContain(person.company);
  });

  it('lists the request with its serial checks in the validator queue, where it is approved', async () => {
    const { page } = await newTab();
    await signInThroughPage(page, baseUrl, ADMIN.email, ADMIN.password);
    await page.getByRole('heading', { level: 1, name: 'Registration requests' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/validator');

    const card = page.getByRole('article', { name: person.company });
    // The queue looks again by itself while the registry's checks are outstanding.
    const firstCheck = card.getByTestId(`check-${devices.eligible[0]}`);
    await firstCheck.waitFor({ timeout: 45000 });
    const cardText = await card.innerText();
    expect(cardText).toContain(person.contactName);
    expect(cardText).toContain(person.email);
    expect(cardText).toContain('United States');
    expect(cardText).toContain('1 Portal Plaza');
    for (const serial of devices.eligible) {
      const row = card.getByTestId(`check-${serial}`);
      expect(await row.innerText()).toContain('Eligible');
      expect(await row.getByRole('checkbox', { name: `Approve ${serial}` }).isChecked()).toBe(true);
    }

    await card.getByRole('button', { name: 'Approve 2 serial numbers' }).click();
    const outcome = page.getByTestId('decision-outcome');
    await outcome.waitFor();
    expect(await outcome.innerText()).toContain(`Approved ${person.company}`);
    await card.waitFor({ state: 'detached' }); // decided requests leave the queue
  });

  it('opens the emailed set-password link: a weak password shows the reasons, a good one works', async () => {
    const { url } = await emailedLink(
      mail,
      person.email,
      /login details/i,
      '/set-password',
      baseUrl,
    );
    const { page } = await newTab();
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Set your password' }).waitFor();
    expect(await page.getByText('12 to 128 characters').count()).toBe(1);

    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Repeat the new password').fill('short');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.locator('#new-password-error').waitFor();
    expect(await fieldError(page, 'New password')).toMatch(/12|character/i);

    await page.getByLabel('New password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Repeat the new password').fill(`${PASSWORD}x`);
    await page.getByRole('button', { name: 'Save password' }).click();
    expect(await fieldError(page, 'Repeat the new password')).toBe(
      'The two passwords are not the same.',
    );

    await page.getByLabel('Repeat the new password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your password is set.' }).waitFor();
    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  it('signs the customer in to their devices and read-only ship-to address, then out', async () => {
    const { page } = await newTab();
    await signInThroughPage(page, baseUrl, person.email, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Order Supplies' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/order');
    for (const serial of devices.eligible) {
      const row = page.getByTestId(`device-${serial}`);
      await row.waitFor();
      expect(await row.innerText()).toContain(`Test Model`);
      expect(await row.innerText()).toContain('Covered');
    }
    const line1 = page.getByLabel('Address line 1');
    expect(await line1.inputValue()).toBe('1 Portal Plaza');
    expect(await line1.isEditable()).toBe(false);
    expect(await page.getByLabel('Postal code').inputValue()).toBe('14604');
    expect(await page.getByTestId('ship-to-helpdesk').innerText()).toContain(
      'Only the Supplies Helpdesk can change the ship-to address: call 1-800-275-9376 (prompts: 1, 3, 3)',
    );
    // "Order Supplies" in the upper left for customers; no validator link.
    const nav = page.getByRole('navigation', { name: 'Main' });
    const box = await nav.getByRole('link', { name: 'Order Supplies' }).boundingBox();
    expect(box && box.x < 200 && box.y < 150).toBe(true);
    expect(await nav.getByRole('link', { name: 'Registration requests' }).count()).toBe(0);

    // A customer at the validator queue is told it is not for them.
    await page.goto(`${baseUrl}/validator`);
    await page.getByRole('heading', { level: 1, name: 'Not available for your account' }).waitFor();

    // An access token the services refuse is renewed once with the refresh token.
    const session = (await storedSession(page)) as StoredSession;
    await storeSession(page, { ...session, accessToken: 'not-a-valid-token' });
    await page.goto(`${baseUrl}/order`);
    await page.getByTestId(`device-${devices.eligible[0]}`).waitFor();
    const renewed = (await storedSession(page)) as StoredSession;
    expect(renewed.accessToken).not.toBe('not-a-valid-token');
    expect(renewed.refreshToken).not.toBe(session.refreshToken);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.getByRole('link', { name: 'Order Supplies' }).count()).toBe(0);
    expect(await storedSession(page)).toBeNull();
    // Signing out ended the session at identity: its refresh token no longer works.
    const refresh = await gateway.call('/api/auth/refresh', {
      body: { refreshToken: renewed.refreshToken },
    });
    expect(refresh.status).toBe(401);
    await page.goto(`${baseUrl}/order`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  it('answers "forgot password" neutrally, and the emailed reset link works once', async () => {
    const { page } = await newTab();
    const previous = (await mail.messagesTo(person.email)).map((message) => message.id);
    for (const address of [`nobody.${tag}@portal-e2e.example.com`, person.email]) {
      await page.goto(`${baseUrl}/login`);
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
      await page.getByLabel('Email address').fill(address);
      await page.getByRole('button', { name: 'Email me a link' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
      expect(await page.getByRole('status').first().innerText()).toContain(
        `If ${address} belongs to an active account, we have sent it a link`,
      );
    }

    const { url } = await emailedLink(
      mail,
      person.email,
      /reset/i,
      '/reset-password',
      baseUrl,
      previous,
    );
    const newPassword = `${PASSWORD}-Renewed`;
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Your password has been changed.' })
      .waitFor();

    // Single use: the same link again is refused, and the page offers a new one.
    await page.goto(url);
    await page.getByLabel('New password', { exact: true }).fill(`${newPassword}-Again`);
    await page.getByLabel('Repeat the new password').fill(`${newPassword}-Again`);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('alert').getByText('This link is invalid or has expired.').waitFor();
    expect(await page.getByRole('link', { name: 'Request a new link' }).count()).toBe(1);

    await signInThroughPage(page, baseUrl, person.email, newPassword);
    await page.getByRole('heading', { level: 1, name: 'Order Supplies' }).waitFor();
  });
});
