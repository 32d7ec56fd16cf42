/**
 * Who may read registry data, with a real customer token (registered, approved and
 * activated through the real flow): their own account and devices, nobody else's — another
 * account answers exactly like a missing one — and no staff endpoints.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { RegistrationApprovedEvent, Topics } from '@metered/contracts';
import { createEnvelope } from '@metered/event-platform';
import { SERVICE_NAMES } from '@metered/service-kit';
import { GatewayClient, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { MailCapture } from '../../../tools/stack/src/demo/mail-capture';
import { RegistrationFlow } from '../../../tools/stack/src/demo/registration-flow';
import { KafkaTestClient } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';
import { registrationRequest } from '../../support/registration/registration-request.fixture';
import { testStackEnv, useApps } from '../../support/stack-env';
import { adminToken, imported, importOwnModel, isoDay, tag } from './registry-harness';

const PASSWORD = 'Toner-Bottle-Carton-77';

describe('registry account access (real customer token)', () => {
  const kafka = new KafkaTestClient();
  let api: GatewayClient;
  let admin: string;

  beforeAll(async () => {
    const urls = await useApps(SERVICE_NAMES);
    api = new GatewayClient(urls.gateway);
    admin = await adminToken(api);
  }, 600000);

  afterAll(() => kafka.close());

  async function coveredDevices(count: number): Promise<string[]> {
    const { code } = await importOwnModel(api, admin);
    const t = tag();
    const serials = Array.from({ length: count }, (_, i) => `E2A${t}${i + 1}`);
    await imported(
      api,
      admin,
      'devices',
      'json',
      JSON.stringify(serials.map((serial) => ({ serial, modelCode: code, country: 'US' }))),
    );
    const contracts = serials.map((serial) => ({
      contractId: `C-${serial}`,
      serial,
      status: 'active',
      startsOn: isoDay(-30),
      endsOn: isoDay(700),
    }));
    await imported(api, admin, 'contracts', 'json', JSON.stringify(contracts));
    return serials;
  }

  /** Another account, created the way the registry learns of every account: an approval event. */
  async function otherAccount(): Promise<string> {
    const [serial] = await coveredDevices(1);
    const envelope = createEnvelope(
      RegistrationApprovedEvent,
      {
        registrationId: randomUUID(),
        accountId: randomUUID(),
        userId: randomUUID(),
        company: 'Other Co',
        contactName: 'Olly Other',
        email: `olly.${tag(8).toLowerCase()}@e2e.example.com`,
        country: 'US',
        shipTo: { line1: '2 Elm St', city: 'Albany', postalCode: '12207', country: 'US' },
        serials: [serial],
        approvedBy: randomUUID(),
        approvedAt: new Date().toISOString(),
      },
      { producer: 'identity' },
    );
    await kafka.produce(Topics.IdentityRegistration, [
      { key: envelope.key, value: JSON.stringify(envelope) },
    ]);
    const { accountId } = envelope.payload;
    await waitFor(
      'the other account',
      async () => (await api.call(`/api/accounts/${accountId}`, { token: admin })).status === 200,
      30000,
    );
    return accountId;
  }

  it('shows a customer their own account and devices, and nothing else', async () => {
    const serials = await coveredDevices(2);
    const request = registrationRequest(serials);
    const flow = new RegistrationFlow(api, new MailCapture(testStackEnv().MAIL_CAPTURE_URL));
    const accountId = await flow.registerApproveAndActivate(admin, request, PASSWORD);
    const customer = await api.expect<LoginAnswer>(200, '/api/auth/login', {
      body: { email: request.email, password: PASSWORD },
    });
    expect(customer.user.accountId).toBe(accountId);
    const token = customer.accessToken;

    const devices = await flow.waitForDevices(token, accountId, 2);
    expect(devices.map((device) => device.serial)).toEqual(serials);
    const account = await api.expect(200, `/api/accounts/${accountId}`, { token });
    expect(account).toMatchObject({
      accountId,
      company: request.company,
      country: 'US',
      shipTo: request.shipTo,
      serials,
    });

    // Someone else's account answers exactly like one that does not exist.
    const other = await otherAccount();
    const missing = randomUUID();
    for (const suffix of ['', '/devices']) {
      const theirs = await api.call(`/api/accounts/${other}${suffix}`, { token });
      const nobody = await api.call(`/api/accounts/${missing}${suffix}`, { token });
      expect(theirs.status).toBe(404);
      expect(nobody.status).toBe(404);
      expect(JSON.stringify(theirs.body).replace(other, 'ID')).toBe(
        JSON.stringify(nobody.body).replace(missing, 'ID'),
      );
    }
    // Staff endpoints: signed in but not allowed.
    expect((await api.call(`/api/devices/${serials[0]}`, { token })).status).toBe(403);
    expect((await api.call('/api/device-models', { token })).status).toBe(403);
    expect((await api.call('/api/supply-items', { token })).status).toBe(403);
    const body = {
      kind: 'device-models',
      format: 'csv',
      content: 'code,name,family\nX-1,X,office',
    };
    expect((await api.call('/api/master-data/imports', { token, body })).status).toBe(403);
  });
});
