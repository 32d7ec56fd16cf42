/**
 * The helpdesk's direct changes to an account through the gateway against the real stack
 * (domain rules 5, 6 and 8): finding the account, changing its ship-to address
 * (ShipToAddressChanged + the audit entry with before/after), adding and removing machines
 * and supply items — each with its event on Kafka — and what customers may not do.
 */
import 'reflect-metadata';
import { Topics } from '@metered/contracts';
import { NEW_SHIP_TO, SelfServiceHarness } from './account-self-service.harness';

interface AccountView {
  accountId: string;
  company: string;
  shipTo: typeof NEW_SHIP_TO;
  serials: string[];
  helpdesk: { phone: string; prompts: number[] } | null;
}
interface DeviceView {
  serial: string;
  supplyItems: { reorderNumber: string }[];
}

describe('helpdesk changes to an account (real stack)', () => {
  const h = new SelfServiceHarness();
  let customer: SelfServiceHarness['customer'];
  let agent: string;
  let accountPath: string;
  beforeAll(async () => {
    await h.start();
    customer = h.customer;
    agent = h.agent.accessToken;
    accountPath = `/api/accounts/${customer.accountId}`;
  }, 600000);
  afterAll(() => h.close());

  it('finds the account by company, serial or id for staff only, and shows the helpdesk contact', async () => {
    const serial = customer.devices.eligible[0];
    for (const q of [
      `printing ${customer.company.split(' ').pop()}`.toLowerCase(),
      serial.toLowerCase(),
      customer.accountId,
    ]) {
      const found = await h.call<{ items: AccountView[] }>(
        agent,
        `/api/accounts?q=${encodeURIComponent(q)}`,
      );
      expect(found.status).toBe(200);
      expect(found.body.items).toContainEqual(
        expect.objectContaining({ accountId: customer.accountId, serials: [serial] }),
      );
    }
    expect((await h.call(customer.token, '/api/accounts?q=a')).status).toBe(403);
    const own = await h.call<AccountView>(customer.token, accountPath);
    expect(own.body.helpdesk).toEqual({ phone: expect.any(String), prompts: expect.any(Array) });
  });

  it('changes the ship-to address with ShipToAddressChanged and an audit entry (before/after); customers cannot', async () => {
    const before = (await h.call<AccountView>(agent, accountPath)).body.shipTo;
    const byCustomer = await h.call(customer.token, `${accountPath}/ship-to`, NEW_SHIP_TO, 'PUT');
    expect(byCustomer.status).toBe(403);
    const abroad = await h.call(
      agent,
      `${accountPath}/ship-to`,
      { ...NEW_SHIP_TO, country: 'CA' },
      'PUT',
    );
    expect(abroad.status).toBe(400);
    expect(abroad.body.errors?.map((e) => e.field)).toEqual(['country']);

    const changed = await h.call<AccountView>(agent, `${accountPath}/ship-to`, NEW_SHIP_TO, 'PUT');
    expect(changed.status).toBe(200);
    expect(changed.body.shipTo).toEqual(NEW_SHIP_TO);
    const event = await h.event<{
      previous: object;
      shipTo: object;
      changedBy: { userId: string };
    }>(Topics.RegistryAccount, customer.accountId, 'ShipToAddressChanged');
    expect(event.payload).toMatchObject({
      previous: before,
      shipTo: NEW_SHIP_TO,
      changedBy: { userId: h.agent.user.userId, email: h.agent.user.email },
    });
    const audit = await h.event<{ action: string; before: object; after: object }>(
      Topics.PlatformAudit,
      customer.accountId,
      'StaffActionRecorded',
      (p) => p.action === 'ship-to.changed',
    );
    expect(audit.payload).toMatchObject({
      service: 'registry',
      accountId: customer.accountId,
      before: { shipTo: before },
      after: { shipTo: NEW_SHIP_TO },
    });
    expect((await h.call<AccountView>(customer.token, accountPath)).body.shipTo).toEqual(
      NEW_SHIP_TO,
    );
  });

  it('adds a machine directly after the registration checks and removes it with a reason', async () => {
    const [serial] = await h.coveredDevices(1);
    const devices = `${accountPath}/devices`;
    expect((await h.call(customer.token, devices, { serial })).status).toBe(403);
    for (const refused of [
      customer.devices.unknown,
      customer.devices.noContract,
      customer.devices.german,
    ]) {
      const answer = await h.call(agent, devices, { serial: refused });
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.map((e) => e.field)).toEqual(['serial']);
    }
    const added = await h.call<DeviceView>(agent, devices, {
      serial,
      reason: 'Called in, new site',
    });
    expect(added.status).toBe(201);
    expect(added.body.serial).toBe(serial);
    const serialAdded = await h.event<{ source: string; accountId: string }>(
      Topics.RegistryDevice,
      serial,
      'SerialAdded',
    );
    expect(serialAdded.payload).toMatchObject({
      source: 'helpdesk',
      accountId: customer.accountId,
    });
    await h.event(
      Topics.PlatformAudit,
      serial,
      'StaffActionRecorded',
      (p: { action: string }) => p.action === 'device.added',
    );
    expect((await h.call(agent, devices, { serial })).status).toBe(409);

    const noReason = await h.call(agent, `${devices}/${serial}`, {}, 'DELETE');
    expect(noReason.status).toBe(400);
    const removed = await h.call(
      agent,
      `${devices}/${serial}`,
      { reason: 'Machine returned' },
      'DELETE',
    );
    expect(removed.status).toBe(200);
    const serialRemoved = await h.event<{ reason: string; removedBy: { userId: string } }>(
      Topics.RegistryDevice,
      serial,
      'SerialRemoved',
    );
    expect(serialRemoved.payload).toMatchObject({
      reason: 'Machine returned',
      removedBy: { userId: h.agent.user.userId },
    });
    await h.event(
      Topics.PlatformAudit,
      serial,
      'StaffActionRecorded',
      (p: { action: string }) => p.action === 'device.removed',
    );
    expect((await h.call<AccountView>(agent, accountPath)).body.serials).not.toContain(serial);
    expect(
      (await h.call(agent, `${devices}/${serial}`, { reason: 'again' }, 'DELETE')).status,
    ).toBe(404);
  });

  it("adds and removes a serial's supply items, which the account's device list follows", async () => {
    const serial = customer.devices.eligible[0];
    const [extra] = await h.unlistedItems();
    const items = `${accountPath}/devices/${serial}/supply-items`;
    expect((await h.call(customer.token, items, { reorderNumber: extra })).status).toBe(403);
    const unknown = await h.call(agent, items, { reorderNumber: 'NO-SUCH-ITEM-2' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.map((e) => e.field)).toEqual(['reorderNumber']);

    const added = await h.call<DeviceView>(agent, items, { reorderNumber: extra });
    expect(added.status).toBe(201);
    expect(added.body.supplyItems.map((i) => i.reorderNumber)).toContain(extra);
    const event = await h.event<{ source: string; item: { reorderNumber: string } }>(
      Topics.RegistryDevice,
      serial,
      'SupplyItemAdded',
      (p) => p.item.reorderNumber === extra,
    );
    expect(event.payload.source).toBe('helpdesk');
    expect((await h.call(agent, items, { reorderNumber: extra })).status).toBe(409);

    const modelItem = customer.devices.reorderNumber;
    for (const number of [extra, modelItem]) {
      const removed = await h.call<DeviceView>(agent, `${items}/${number}`, undefined, 'DELETE');
      expect(removed.status).toBe(200);
      await h.event(
        Topics.RegistryDevice,
        serial,
        'SupplyItemRemoved',
        (p: { reorderNumber: string }) => p.reorderNumber === number,
      );
    }
    const list = await h.call<{ items: DeviceView[] }>(customer.token, `${accountPath}/devices`);
    const device = list.body.items.find((d) => d.serial === serial);
    expect(device?.supplyItems.map((i) => i.reorderNumber)).toEqual([]);
    expect((await h.call(agent, `${items}/${modelItem}`, undefined, 'DELETE')).status).toBe(404);
    expect((await h.call(agent, items, { reorderNumber: modelItem })).status).toBe(201);
  });

  it('keeps customers out of other accounts: another account is not found, its address not theirs to change', async () => {
    const other = await h.otherAccount();
    expect((await h.call(customer.token, `/api/accounts/${other.accountId}`)).status).toBe(404);
    expect((await h.call(customer.token, `/api/accounts/${other.accountId}/devices`)).status).toBe(
      404,
    );
    expect(
      (await h.call(customer.token, `/api/accounts/${other.accountId}/ship-to`, NEW_SHIP_TO, 'PUT'))
        .status,
    ).toBe(403);
    expect(
      (
        await h.call(
          agent,
          `/api/accounts/${customer.accountId}/devices/${other.serial}`,
          { reason: 'x' },
          'DELETE',
        )
      ).status,
    ).toBe(404);
  });
});
