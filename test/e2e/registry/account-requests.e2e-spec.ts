/**
 * Customers' requests to the helpdesk through the gateway against the real stack (domain
 * rules 5 and 6): more machines (checked like a registration, approved → SerialAdded) and
 * items not listed (approved → SupplyItemAdded, then in the serial's list); declines with a
 * reason; clear refusals naming the field; customers never decide; one decision per request.
 * The emails about requests are the notifications suites' business.
 */
import 'reflect-metadata';
import { Topics } from '@metered/contracts';
import { SelfServiceHarness } from './account-self-service.harness';

interface RequestView {
  requestId: string;
  kind: string;
  accountId: string;
  status: string;
  requestedBy: { userId: string; email: string };
  checks?: { serial: string; outcome: string }[];
  decision?: { decision: string; approvedSerials?: string[]; reason?: string };
}

describe('account requests: more machines and items not listed (real stack)', () => {
  const h = new SelfServiceHarness();
  let customer: SelfServiceHarness['customer'];
  let agent: string;
  let proofSerial: string;
  beforeAll(async () => {
    await h.start();
    customer = h.customer;
    agent = h.agent.accessToken;
    proofSerial = customer.devices.eligible[0];
  }, 600000);
  afterAll(() => h.close());

  const askMachines = (serials: string[], proof = proofSerial) =>
    h.call<RequestView>(customer.token, '/api/account-requests/machines', {
      proofSerial: proof,
      serials,
    });

  it('checks each serial, queues the request for the helpdesk, and links the eligible ones on approval', async () => {
    const [first, second] = await h.coveredDevices(2);
    const asked = await askMachines([first, second.toLowerCase(), customer.devices.noContract]);
    expect(asked.status).toBe(201);
    const request = asked.body;
    expect(request).toMatchObject({
      kind: 'machines',
      accountId: customer.accountId,
      status: 'open',
      requestedBy: { userId: customer.userId, email: customer.email },
      checks: [
        { serial: first, outcome: 'eligible' },
        { serial: second, outcome: 'eligible' },
        { serial: customer.devices.noContract, outcome: 'no-active-contract' },
      ],
    });
    const requested = await h.event<{ requestedBy: { email: string } }>(
      Topics.RegistryAccountRequest,
      request.requestId,
      'MachinesRequested',
    );
    expect(requested.payload.requestedBy.email).toBe(customer.email);

    const own = await h.call<{ items: RequestView[] }>(customer.token, '/api/account-requests');
    expect(own.body.items.map((r) => r.requestId)).toContain(request.requestId);
    const queue = await h.call<{ items: RequestView[] }>(
      agent,
      '/api/account-requests?status=open&kind=machines',
    );
    expect(queue.body.items.map((r) => r.requestId)).toContain(request.requestId);

    const byCustomer = await h.call(
      customer.token,
      `/api/account-requests/${request.requestId}/approve`,
      {},
    );
    expect(byCustomer.status).toBe(403);

    const approved = await h.call<RequestView>(
      agent,
      `/api/account-requests/${request.requestId}/approve`,
      {},
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decision: { decision: 'approved', approvedSerials: [first, second] },
    });
    const added = await h.event<{ accountId: string; source: string }>(
      Topics.RegistryDevice,
      first,
      'SerialAdded',
    );
    expect(added.payload).toMatchObject({
      accountId: customer.accountId,
      source: 'customer-request',
    });
    const decided = await h.event<{ decision: string; approvedSerials: string[] }>(
      Topics.RegistryAccountRequest,
      request.requestId,
      'MachinesRequestDecided',
    );
    expect(decided.payload).toMatchObject({
      decision: 'approved',
      approvedSerials: [first, second],
    });
    const audit = await h.event<{ action: string; actor: { userId: string } }>(
      Topics.PlatformAudit,
      request.requestId,
      'StaffActionRecorded',
    );
    expect(audit.payload).toMatchObject({
      action: 'machines-request.approved',
      actor: { userId: h.agent.user.userId },
    });
    const account = await h.call<{ serials: string[] }>(
      customer.token,
      `/api/accounts/${customer.accountId}`,
    );
    expect(account.body.serials).toEqual(expect.arrayContaining([first, second]));

    const again = await h.call(agent, `/api/account-requests/${request.requestId}/decline`, {
      reason: 'changed my mind',
    });
    expect(again.status).toBe(409);
  });

  it('declines with a reason for the customer and links nothing', async () => {
    const [serial] = await h.coveredDevices(1);
    const request = (await askMachines([serial])).body;
    const withoutReason = await h.call(
      agent,
      `/api/account-requests/${request.requestId}/decline`,
      {},
    );
    expect(withoutReason.status).toBe(400);
    const declined = await h.call<RequestView>(
      agent,
      `/api/account-requests/${request.requestId}/decline`,
      { reason: 'This machine belongs to your parent company.' },
    );
    expect(declined.body).toMatchObject({
      status: 'declined',
      decision: { decision: 'declined', reason: 'This machine belongs to your parent company.' },
    });
    const decided = await h.event<{ decision: string; reason: string }>(
      Topics.RegistryAccountRequest,
      request.requestId,
      'MachinesRequestDecided',
    );
    expect(decided.payload).toMatchObject({ decision: 'declined', reason: expect.any(String) });
    const seen = await h.call<RequestView>(
      customer.token,
      `/api/account-requests/${request.requestId}`,
    );
    expect(seen.body.status).toBe('declined');
    const account = await h.call<{ serials: string[] }>(
      agent,
      `/api/accounts/${customer.accountId}`,
    );
    expect(account.body.serials).not.toContain(serial);
  });

  it('lets one of two agents deciding at the same time win; the other gets 409', async () => {
    const [serial] = await h.coveredDevices(1);
    const request = (await askMachines([serial])).body;
    const path = `/api/account-requests/${request.requestId}`;
    const answers = await Promise.all([
      h.call(agent, `${path}/approve`, {}),
      h.call(agent, `${path}/decline`, { reason: 'duplicate' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });

  it('refuses unknown serials and a proof serial that is not an active serial of the account, naming the field', async () => {
    const [serial] = await h.coveredDevices(1);
    const unknown = await askMachines([serial, customer.devices.unknown]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { field: 'serials.1', reason: expect.stringContaining(customer.devices.unknown) },
    ]);
    const badProof = await askMachines([serial], customer.devices.expired);
    expect(badProof.status).toBe(400);
    expect(badProof.body.errors?.[0]?.field).toBe('proofSerial');
    const noneEligible = await askMachines([customer.devices.german]);
    expect(noneEligible.status).toBe(400);
    expect(noneEligible.body.errors?.[0]?.field).toBe('serials.0');
    const byAgent = await h.call(agent, '/api/account-requests/machines', {
      proofSerial,
      serials: [serial],
    });
    expect(byAgent.status).toBe(403);
  });

  it('adds an item not listed for a serial on approval, after which the serial offers it', async () => {
    const [reorderNumber] = await h.unlistedItems();
    const asked = await h.call<RequestView>(customer.token, '/api/account-requests/supply-items', {
      serial: proofSerial,
      reorderNumber,
      note: 'We switched to the high-yield toner.',
    });
    expect(asked.status).toBe(201);
    const request = asked.body;
    await h.event(Topics.RegistryAccountRequest, request.requestId, 'SupplyItemRequested');
    const twice = await h.call(customer.token, '/api/account-requests/supply-items', {
      serial: proofSerial,
      reorderNumber,
    });
    expect(twice.status).toBe(409);

    const byCustomer = await h.call(
      customer.token,
      `/api/account-requests/${request.requestId}/approve`,
      {},
    );
    expect(byCustomer.status).toBe(403);
    const approved = await h.call<RequestView>(
      agent,
      `/api/account-requests/${request.requestId}/approve`,
      {},
    );
    expect(approved.body.status).toBe('approved');
    const added = await h.event<{ item: { reorderNumber: string }; source: string }>(
      Topics.RegistryDevice,
      proofSerial,
      'SupplyItemAdded',
      (p) => p.item.reorderNumber === reorderNumber,
    );
    expect(added.payload.source).toBe('customer-request');
    await h.event(Topics.RegistryAccountRequest, request.requestId, 'SupplyItemRequestDecided');
    const devices = await h.call<{
      items: { serial: string; supplyItems: { reorderNumber: string }[] }[];
    }>(customer.token, `/api/accounts/${customer.accountId}/devices`);
    const device = devices.body.items.find((d) => d.serial === proofSerial);
    expect(device?.supplyItems.map((i) => i.reorderNumber)).toContain(reorderNumber);

    const listed = await h.call(customer.token, '/api/account-requests/supply-items', {
      serial: proofSerial,
      reorderNumber,
    });
    expect(listed.status).toBe(409);
  });

  it("refuses unknown reorder numbers and serials that are not the account's, naming the field", async () => {
    const other = await h.otherAccount();
    const [reorderNumber] = await h.unlistedItems();
    const ask = (serial: string, number: string) =>
      h.call(customer.token, '/api/account-requests/supply-items', {
        serial,
        reorderNumber: number,
      });
    const unknownItem = await ask(proofSerial, 'NO-SUCH-ITEM-1');
    expect(unknownItem.status).toBe(400);
    expect(unknownItem.body.errors?.map((e) => e.field)).toEqual(['reorderNumber']);
    for (const serial of [customer.devices.unknown, other.serial]) {
      const answer = await ask(serial, reorderNumber);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([
        { field: 'serial', reason: 'not a serial of your account' },
      ]);
    }
    const otherProof = await askMachines([customer.devices.german], other.serial);
    expect(otherProof.body.errors?.[0]?.field).toBe('proofSerial');
    expect((await h.call(customer.token, `/api/accounts/${other.accountId}`)).status).toBe(404);
    expect((await h.call(customer.token, `/api/accounts/${other.accountId}/devices`)).status).toBe(
      404,
    );
    const otherQueue = await h.call<{ items: RequestView[] }>(
      customer.token,
      `/api/account-requests?accountId=${other.accountId}`,
    );
    expect(otherQueue.body.items.every((r) => r.accountId === customer.accountId)).toBe(true);
  });
});
