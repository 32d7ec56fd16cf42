/**
 * The registry's side of registration over real Kafka: it checks the serials of a
 * RegistrationRequested (all five outcomes) and publishes SerialsValidated once; it turns a
 * RegistrationApproved into an account with linked serials (SerialAdded each, once).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  RegistrationApprovedEvent,
  RegistrationRequestedEvent,
  SerialsValidatedPayload,
  Topics,
} from '@metered/contracts';
import { waitFor } from '../../support/event-platform/wait-for';
import { RegistryEventsHarness, SHIP_TO } from './registry-events.harness';
import { isoDay } from './registry-harness';

describe('registry registration events (real Kafka and FerretDB)', () => {
  const h = new RegistryEventsHarness();
  beforeAll(() => h.start(), 600000);
  afterAll(() => h.close());

  it('checks each serial (all five outcomes) and publishes SerialsValidated once, however often the request comes', async () => {
    const ids = await h.ownDevices(2);
    // One covered device is taken by another account first.
    await h.approved([ids.covered[1]]);
    await h.waitForSerialAdded(ids.covered[1]);

    const serials = [
      ids.covered[0],
      ids.unknown,
      ids.noContract,
      ids.expired,
      ids.covered[1],
      ids.german,
    ];
    const request = await h.requested(serials);
    const { registrationId } = request.payload;
    const validated = await waitFor(
      'SerialsValidated',
      () =>
        h.events<SerialsValidatedPayload>(
          Topics.RegistrySerialCheck,
          registrationId,
          'SerialsValidated',
        )[0],
      30000,
    );
    expect(validated.causationId).toBe(request.eventId);
    expect(validated.correlationId).toBe(request.correlationId);
    expect(validated.payload).toMatchObject({ registrationId, country: 'US', allEligible: false });
    expect(validated.payload.results.map((r) => [r.serial, r.outcome])).toEqual([
      [ids.covered[0], 'eligible'],
      [ids.unknown, 'unknown-serial'],
      [ids.noContract, 'no-active-contract'],
      [ids.expired, 'no-active-contract'],
      [ids.covered[1], 'already-registered'],
      [ids.german, 'other-country'],
    ]);
    const [eligible, unknown, noContract, expired] = validated.payload.results;
    expect(eligible).toMatchObject({
      model: { code: h.model.code, family: 'office' },
      contract: { contractId: `C-${ids.covered[0]}`, status: 'active' },
    });
    expect(unknown.model).toBeUndefined();
    expect(noContract.message).toMatch(/online store or an authorised partner/);
    expect(expired.contract).toMatchObject({ contractId: `C-${ids.expired}`, endsOn: isoDay(-10) });

    // The same envelope again (inbox), and a new envelope for the same request (check document).
    await h.republish(request);
    await h.publish(RegistrationRequestedEvent, request.payload);
    await h.quiet();
    expect(h.events(Topics.RegistrySerialCheck, registrationId, 'SerialsValidated')).toHaveLength(
      1,
    );
  });

  it('links approved serials to the new account with SerialAdded each, once; a serial taken meanwhile is skipped', async () => {
    const ids = await h.ownDevices(3);
    const first = await h.approved([ids.covered[2]]);
    await h.waitForSerialAdded(ids.covered[2]);

    const approval = await h.approved([ids.covered[0], ids.covered[1], ids.covered[2]]);
    const { accountId } = approval.payload;
    for (const serial of ids.covered.slice(0, 2)) {
      const added = await h.waitForSerialAdded(serial);
      expect(added.payload).toMatchObject({
        serial,
        accountId,
        country: 'US',
        model: { code: h.model.code },
        contract: { contractId: `C-${serial}`, status: 'active' },
        shipTo: SHIP_TO,
        source: 'registration',
      });
      expect(added.payload.supplyItems.map((item) => item.reorderNumber).sort()).toEqual(
        [...h.model.reorderNumbers].sort(),
      );
      expect(added.causationId).toBe(approval.eventId);
    }
    const devices = await h.api.expect<{
      items: { serial: string; covered: boolean; supplyItems: unknown[] }[];
    }>(200, `/api/accounts/${accountId}/devices`, { token: h.admin });
    expect(devices.items.map((d) => [d.serial, d.covered, d.supplyItems.length])).toEqual([
      [ids.covered[0], true, 2],
      [ids.covered[1], true, 2],
    ]);
    const account = await h.api.expect(200, `/api/accounts/${accountId}`, { token: h.admin });
    expect(account).toEqual({
      accountId,
      company: 'Registry E2E Ltd',
      country: 'US',
      shipTo: SHIP_TO,
      serials: [ids.covered[0], ids.covered[1]],
      helpdesk: { phone: '1-800-275-9376', prompts: [1, 3, 3] },
    });

    // Redelivered (new envelope, same approval): no second effect.
    await h.publish(RegistrationApprovedEvent, approval.payload);
    await h.quiet();
    for (const serial of ids.covered) expect(h.serialAdded(serial)).toHaveLength(1);
    const taken = await h.api.expect<{ accountId: string }>(200, `/api/devices/${ids.covered[2]}`, {
      token: h.admin,
    });
    expect(taken.accountId).toBe(first.payload.accountId);
    expect((await h.api.call(`/api/accounts/${randomUUID()}`, { token: h.admin })).status).toBe(
      404,
    );
  });
});
