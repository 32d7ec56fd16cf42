/**
 * Registration end to end over the public API, against the real stack: identity, registry,
 * notifications and the gateway, real Kafka, FerretDB and Mailpit. A person registers, the
 * registry checks the serials, a validator decides, the emailed link sets the password, and
 * the new customer signs in and reads their devices.
 */
import { SERVICE_NAMES } from '@metered/service-kit';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { linkIn, MailCapture, tokenOf } from '../../../tools/stack/src/demo/mail-capture';
import { RegistrationFlow } from '../../../tools/stack/src/demo/registration-flow';
import { importTestDevices, TestDevices } from '../../support/registration/master-data.fixture';
import { registrationRequest } from '../../support/registration/registration-request.fixture';
import { testStackEnv, useApps } from '../../support/stack-env';

const ADMIN = { email: 'admin@metered.local', password: 'Metered-Admin-2026!' };
const PASSWORD = 'Blue-Toner-Cartridge-42';

interface AccountDevice {
  serial: string;
  covered: boolean;
  supplyItems: { reorderNumber: string }[];
}

describe('registration, validation and sign-in (real stack, through the gateway)', () => {
  let gateway: GatewayClient;
  let mail: MailCapture;
  let flow: RegistrationFlow;
  let adminToken: string;

  beforeAll(async () => {
    const urls = await useApps(SERVICE_NAMES);
    gateway = new GatewayClient(urls.gateway);
    mail = new MailCapture(testStackEnv().MAIL_CAPTURE_URL);
    flow = new RegistrationFlow(gateway, mail);
    adminToken = (await gateway.expect<LoginAnswer>(200, '/api/auth/login', { body: ADMIN }))
      .accessToken;
  }, 600000);

  describe('an approved registration', () => {
    let devices: TestDevices;
    let request: ReturnType<typeof registrationRequest>;
    let registrationId: string;
    let customer: LoginAnswer;
    let accountId: string;

    beforeAll(async () => {
      devices = await importTestDevices(gateway, adminToken, 2);
      request = registrationRequest(devices.eligible.map((serial) => serial.toLowerCase()));
      registrationId = await flow.register(request);
    });

    it('confirms the request by email', async () => {
      const received = await mail.waitFor(request.email, /received/i);
      expect(received.text).toContain(request.company);
    });

    it('is checked by the registry: every serial eligible', async () => {
      const checked = await flow.waitForChecks(adminToken, registrationId);
      expect(checked.status).toBe('pending-review');
      expect(checked.serials).toEqual(devices.eligible);
      expect(checked.checks?.allEligible).toBe(true);
      expect(checked.checks?.results.map((result) => result.outcome)).toEqual([
        'eligible',
        'eligible',
      ]);
    });

    it('is approved by a validator, which creates the account', async () => {
      const approved = await flow.approve(adminToken, registrationId);
      expect(approved.status).toBe('approved');
      expect(approved.decision?.approvedSerials).toEqual(devices.eligible);
      accountId = approved.decision?.accountId as string;
      expect(accountId).toMatch(/^[0-9a-f-]{36}$/);
      // Deciding twice is a conflict, not a second account.
      const again = await gateway.call(`/api/registrations/${registrationId}/approve`, {
        token: adminToken,
        body: {},
      });
      expect(again.status).toBe(409);
    });

    it('emails a one-time set-password link, never a password', async () => {
      const details = await mail.waitFor(request.email, /login details/i, 45000);
      const link = linkIn(details, '/set-password');
      expect(details.text).toContain(request.email); // the user name; the password is theirs to choose
      expect(details.text).toMatch(/expires/i);
      const token = tokenOf(link);
      const weak = await gateway.call<{ errors: { field: string }[] }>('/api/auth/password/setup', {
        body: { token, password: 'short' },
      });
      expect(weak.status).toBe(400);
      expect(weak.body.errors.map((error) => error.field)).toContain('password');
      await gateway.expect(204, '/api/auth/password/setup', {
        body: { token, password: PASSWORD },
      });
      const reused = await gateway.call('/api/auth/password/setup', {
        body: { token, password: `${PASSWORD}-again` },
      });
      expect(reused.status).toBe(400);
    });

    it('lets the customer sign in (email in any case) and read the account devices', async () => {
      customer = await gateway.expect<LoginAnswer>(200, '/api/auth/login', {
        body: { email: request.email.toUpperCase(), password: PASSWORD },
      });
      expect(customer.user.roles).toEqual(['customer']);
      expect(customer.user.accountId).toBe(accountId);
      const owned = (await flow.waitForDevices(
        customer.accessToken,
        accountId,
        2,
      )) as AccountDevice[];
      expect(owned.map((device) => device.serial).sort()).toEqual([...devices.eligible].sort());
      for (const device of owned) {
        expect(device.covered).toBe(true);
        expect(device.supplyItems.map((item) => item.reorderNumber)).toEqual([
          devices.reorderNumber,
        ]);
      }
    });

    it('keeps customers out of the validator endpoints', async () => {
      const token = customer.accessToken;
      expect((await gateway.call('/api/registrations', { token })).status).toBe(403);
      expect(
        (
          await gateway.call(`/api/registrations/${registrationId}/reject`, {
            token,
            body: { reason: 'x' },
          })
        ).status,
      ).toBe(403);
      expect((await gateway.call('/api/master-data/imports', { token, body: {} })).status).toBe(
        403,
      );
      expect((await gateway.call('/api/registrations')).status).toBe(401);
    });

    it('shows another account as not found', async () => {
      const other = await gateway.call(`/api/accounts/${crypto.randomUUID()}/devices`, {
        token: customer.accessToken,
      });
      expect(other.status).toBe(404);
    });

    it('refuses the serials for a second registration: already registered', async () => {
      const second = await flow.register(registrationRequest([devices.eligible[0]]));
      const checked = await flow.waitForChecks(adminToken, second);
      expect(checked.checks?.results[0].outcome).toBe('already-registered');
    });
  });

  it('rejects with a reason the person reads by email; no account, the address is free again', async () => {
    const devices = await importTestDevices(gateway, adminToken, 1);
    const request = registrationRequest(devices.eligible);
    const registrationId = await flow.register(request);
    await flow.waitForChecks(adminToken, registrationId);
    const reason = 'We could not confirm that you work for this company.';
    const rejected = await flow.reject(adminToken, registrationId, reason);
    expect(rejected.status).toBe('rejected');
    const email = await mail.waitForMatching(request.email, (m) => m.text.includes(reason));
    expect(email.subject).toMatch(/registration/i);
    expect((await gateway.login(request.email, PASSWORD)).status).toBe(401);
    expect((await gateway.call('/api/registrations', { body: request })).status).toBe(202);
  });

  it('reports an expired contract with the store-or-partner answer and cannot be approved', async () => {
    const devices = await importTestDevices(gateway, adminToken, 0);
    const request = registrationRequest([devices.expired, devices.noContract]);
    const registrationId = await flow.register(request);
    const checked = await flow.waitForChecks(adminToken, registrationId);
    expect(checked.checks?.allEligible).toBe(false);
    for (const result of checked.checks?.results ?? []) {
      expect(result.outcome).toBe('no-active-contract');
      expect(result.message).toMatch(/store/i);
      expect(result.message).toMatch(/partner/i);
    }
    const approve = await gateway.call(`/api/registrations/${registrationId}/approve`, {
      token: adminToken,
      body: {},
    });
    expect(approve.status).toBe(409);
    expect((await flow.get(adminToken, registrationId)).status).toBe('pending-review');
  });

  it('reports unknown and other-country serials, and approves only the eligible one', async () => {
    const devices = await importTestDevices(gateway, adminToken, 1);
    const request = registrationRequest([devices.eligible[0], devices.unknown, devices.german]);
    const registrationId = await flow.register(request);
    const checked = await flow.waitForChecks(adminToken, registrationId);
    expect(Object.fromEntries(checked.checks!.results.map((r) => [r.serial, r.outcome]))).toEqual({
      [devices.eligible[0]]: 'eligible',
      [devices.unknown]: 'unknown-serial',
      [devices.german]: 'other-country',
    });
    const refused = await gateway.call<{ errors: { field: string }[] }>(
      `/api/registrations/${registrationId}/approve`,
      { token: adminToken, body: { serials: [devices.unknown] } },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toMatch(/^serials/);
    const approved = await flow.approve(adminToken, registrationId);
    expect(approved.decision?.approvedSerials).toEqual([devices.eligible[0]]);
  });
});
