/**
 * The emails about a person's account (issue 19, item 6), read from the real mail capture:
 * the login details say which serials were approved and which were not (and why); the
 * customer hears when the helpdesk changes the ship-to address and after their password was
 * changed with a reset link; the request emails greet the person, not the company.
 */
import 'reflect-metadata';
import type { CapturedMail } from '../../../tools/stack/src/demo/mail-capture';
import { linkIn, tokenOf } from '../../../tools/stack/src/demo/mail-capture';
import { LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { importTestDevices, TestDevices } from '../../support/registration/master-data.fixture';
import { registrationRequest } from '../../support/registration/registration-request.fixture';
import { OrderingHarness, PASSWORD } from '../../support/ordering/ordering-harness';

const NEW_SHIP_TO = {
  line1: '200 Helpdesk Avenue',
  line2: 'Dock 4',
  city: 'Buffalo',
  state: 'NY',
  postalCode: '14202',
  country: 'US',
};

describe('emails about the account (real stack, mail read from Mailpit)', () => {
  const harness = new OrderingHarness();
  let agent: LoginAnswer;
  let devices: TestDevices;
  let request: ReturnType<typeof registrationRequest>;
  let accountId: string;
  let customerToken: string;

  const mailTo = (email: string, subject: RegExp): Promise<CapturedMail> =>
    harness.mail.waitForMatching(email, (mail) => subject.test(mail.subject), `${subject}`, 60000);

  beforeAll(async () => {
    await harness.start();
    agent = await harness.helpdeskAgent();
    devices = await importTestDevices(harness.gateway, harness.adminToken, 2);
    request = registrationRequest([...devices.eligible, devices.noContract], {
      contactName: 'Robin Reader',
    });
  }, 600000);

  it('the login details list the approved serials and the ones not approved, with why', async () => {
    const registrationId = await harness.flow.register(request);
    await harness.flow.waitForChecks(harness.adminToken, registrationId);
    const [approved, leftOut] = devices.eligible;
    const decided = await harness.flow.approve(harness.adminToken, registrationId, [approved]);
    accountId = decided.decision?.accountId ?? '';
    expect(accountId).not.toBe('');

    const mail = await mailTo(request.email, /login details/i);
    // Compared with runs of white space as one space: the text part's line ends and blank lines
    // are the mail library's business, the words and their order are the email's.
    const text = flat(mail.text);
    expect(text).toContain('Dear Robin Reader,');
    expect(text).toContain(
      flat(`Approved — you can order supplies for these machines (1):\n\n  - ${approved}`),
    );
    expect(text).toContain('Not approved (2):');
    expect(text).toContain(`- ${leftOut}: not included in the approval`);
    expect(text).toMatch(new RegExp(`- ${devices.noContract}: \\S.+`));
    expect(mail.html).toContain(`<li>${approved}</li>`);

    const token = tokenOf(linkIn(mail, '/set-password'));
    await harness.gateway.expect(204, '/api/auth/password/setup', {
      body: { token, password: PASSWORD },
    });
    customerToken = (await harness.login(request.email, PASSWORD)).accessToken;
  });

  it('tells the customer, by name, when the helpdesk changed the ship-to address', async () => {
    await harness.gateway.expect(200, `/api/accounts/${accountId}/ship-to`, {
      token: agent.accessToken,
      method: 'PUT',
      body: NEW_SHIP_TO,
    });
    const mail = await mailTo(request.email, /ship-to address was changed/);
    expect(mail.subject).toBe('Your Metered Supplies ship-to address was changed');
    expect(mail.text).toContain('Dear Robin Reader,');
    expect(mail.text).toContain(
      'New address: 200 Helpdesk Avenue, Dock 4, Buffalo, NY 14202, United States',
    );
    expect(mail.text).toContain(
      'Previous address: 100 Main Street, Rochester, NY 14604, United States',
    );
    expect(mail.text).toMatch(/If you did not ask for this change, call the Supplies Helpdesk/);
  });

  it('greets the person who asked to add machines, not the company', async () => {
    const more = await importTestDevices(harness.gateway, harness.adminToken, 1);
    await harness.gateway.expect(201, '/api/account-requests/machines', {
      token: customerToken,
      body: { proofSerial: devices.eligible[0], serials: [more.eligible[0]] },
    });
    const mail = await mailTo(request.email, /received your request to add machines/);
    expect(mail.text).toContain('Dear Robin Reader,');
    expect(mail.text).not.toContain(`Dear ${request.company}`);
  });

  it('sends a "your password was changed" notice after a reset, with what to do if it was not them', async () => {
    await harness.gateway.expect(202, '/api/auth/password/forgot', {
      body: { email: request.email },
    });
    const resetMail = await mailTo(request.email, /reset/i);
    await harness.gateway.expect(204, '/api/auth/password/reset', {
      body: {
        token: tokenOf(linkIn(resetMail, '/reset-password')),
        password: 'Teal-Ink-Reset-2026',
      },
    });
    const mail = await mailTo(request.email, /password was changed/);
    expect(mail.subject).toBe('Your Metered Supplies password was changed');
    expect(mail.text).toContain('Dear Robin Reader,');
    expect(mail.text).toContain(`(${request.email}) was changed on`);
    expect(mail.text).toMatch(
      /If you did not change it, .+"Forgot your password\?".+call the Supplies Helpdesk on .+\(prompts/s,
    );
    // One notice per reset: a redelivered event queues nothing new.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const notices = (await harness.mail.messagesTo(request.email)).filter((m) =>
      /password was changed/.test(m.subject),
    );
    expect(notices).toHaveLength(1);
  });
});

/** Runs of white space (line ends, blank lines, indents) as one space. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
