/**
 * The registry's side of registration over real Kafka: it checks the serials of a
 * RegistrationRequested (all five outcomes) and publishes SerialsValidated once; it turns a
 * RegistrationApproved into an account with linked serials (SerialAdded each, once); a
 * contract re-import publishes ContractChanged; a malformed message is parked on registry's
 * dead-letter topic while the next one is processed.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  ContractChangedPayload,
  deadLetterTopic,
  RegistrationApprovedEvent,
  RegistrationRequestedEvent,
  SerialAddedPayload,
  SerialsValidatedPayload,
  Topics,
} from '@metered/contracts';
import { createEnvelope, EventDefinition, EventEnvelope } from '@metered/event-platform';
import { SERVICE_NAMES } from '@metered/service-kit';
import { GatewayClient } from '../../../tools/stack/src/demo/gateway-client';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';
import { useApps } from '../../support/stack-env';
import { adminToken, imported, importOwnModel, isoDay, tag } from './registry-harness';

const SHIP_TO = {
  line1: '1 Test Way',
  city: 'Rochester',
  state: 'NY',
  postalCode: '14604',
  country: 'US',
};
const QUIET_MS = 3000;

describe('registry registration events (real Kafka and FerretDB)', () => {
  const kafka = new KafkaTestClient();
  let seen: SeenMessage[];
  let api: GatewayClient;
  let admin: string;
  let model: { code: string; reorderNumbers: string[] };

  beforeAll(async () => {
    const urls = await useApps(SERVICE_NAMES);
    api = new GatewayClient(urls.gateway);
    admin = await adminToken(api);
    seen = await kafka.collect([
      Topics.RegistrySerialCheck,
      Topics.RegistryDevice,
      deadLetterTopic('registry'),
    ]);
    model = await importOwnModel(api, admin);
  }, 600000);

  afterAll(() => kafka.close());

  function events<P>(topic: string, key: string, type: string): EventEnvelope<P>[] {
    return seen
      .filter((m) => m.topic === topic && m.key === key && m.value)
      .map((m) => JSON.parse(m.value as string) as EventEnvelope<P>)
      .filter((envelope) => envelope.type === type);
  }

  const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS));

  async function publish<P extends object>(definition: EventDefinition<P>, payload: P) {
    const envelope = createEnvelope(definition, payload, { producer: 'identity' });
    await republish(envelope);
    return envelope;
  }

  const republish = (envelope: EventEnvelope<unknown>) =>
    kafka.produce(Topics.IdentityRegistration, [
      { key: envelope.key, value: JSON.stringify(envelope) },
    ]);

  /** Devices of this test: `covered` with a current contract, plus what the checks refuse. */
  async function ownDevices(covered: number) {
    const t = tag();
    const serial = (n: number) => `E2V${t}${String(n).padStart(3, '0')}`;
    const ids = {
      covered: Array.from({ length: covered }, (_, i) => serial(i + 1)),
      noContract: serial(100),
      expired: serial(101),
      german: serial(102),
      unknown: serial(103),
    };
    const us = [...ids.covered, ids.noContract, ids.expired];
    const devices = [
      ...us.map((s) => ({ serial: s, modelCode: model.code, country: 'US' })),
      { serial: ids.german, modelCode: model.code, country: 'DE' },
    ];
    await imported(api, admin, 'devices', 'json', JSON.stringify(devices));
    const current = { status: 'active', startsOn: isoDay(-100), endsOn: isoDay(400) };
    const contracts = [
      ...[...ids.covered, ids.german].map((s) => ({ contractId: `C-${s}`, serial: s, ...current })),
      {
        contractId: `C-${ids.expired}`,
        serial: ids.expired,
        status: 'active',
        startsOn: isoDay(-800),
        endsOn: isoDay(-10),
      },
    ];
    await imported(api, admin, 'contracts', 'json', JSON.stringify(contracts));
    return ids;
  }

  function requested(serials: string[]) {
    return publish(RegistrationRequestedEvent, {
      registrationId: randomUUID(),
      company: 'Registry E2E Ltd',
      contactName: 'Pat Example',
      email: `pat.${tag(8).toLowerCase()}@e2e.example.com`,
      phone: '+1 555 010 2030',
      country: 'US',
      shipTo: SHIP_TO,
      serials,
      requestedAt: new Date().toISOString(),
    });
  }

  function approved(serials: string[], accountId = randomUUID()) {
    return publish(RegistrationApprovedEvent, {
      registrationId: randomUUID(),
      accountId,
      userId: randomUUID(),
      company: 'Registry E2E Ltd',
      contactName: 'Pat Example',
      email: `pat.${tag(8).toLowerCase()}@e2e.example.com`,
      country: 'US',
      shipTo: SHIP_TO,
      serials,
      approvedBy: randomUUID(),
      approvedAt: new Date().toISOString(),
    });
  }

  const serialAdded = (serial: string) =>
    events<SerialAddedPayload>(Topics.RegistryDevice, serial, 'SerialAdded');
  const waitForSerialAdded = (serial: string) =>
    waitFor(`SerialAdded for ${serial}`, () => serialAdded(serial)[0], 30000);

  it('checks each serial (all five outcomes) and publishes SerialsValidated once, however often the request comes', async () => {
    const ids = await ownDevices(2);
    // One covered device is taken by another account first.
    await approved([ids.covered[1]]);
    await waitForSerialAdded(ids.covered[1]);

    const serials = [
      ids.covered[0],
      ids.unknown,
      ids.noContract,
      ids.expired,
      ids.covered[1],
      ids.german,
    ];
    const request = await requested(serials);
    const { registrationId } = request.payload;
    const validated = await waitFor(
      'SerialsValidated',
      () =>
        events<SerialsValidatedPayload>(
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
      model: { code: model.code, family: 'office' },
      contract: { contractId: `C-${ids.covered[0]}`, status: 'active' },
    });
    expect(unknown.model).toBeUndefined();
    expect(noContract.message).toMatch(/online store or an authorised partner/);
    expect(expired.contract).toMatchObject({ contractId: `C-${ids.expired}`, endsOn: isoDay(-10) });

    // The same envelope again (inbox), and a new envelope for the same request (check document).
    await republish(request);
    await publish(RegistrationRequestedEvent, request.payload);
    await quiet();
    expect(events(Topics.RegistrySerialCheck, registrationId, 'SerialsValidated')).toHaveLength(1);
  });

  it('links approved serials to the new account with SerialAdded each, once; a serial taken meanwhile is skipped', async () => {
    const ids = await ownDevices(3);
    const first = await approved([ids.covered[2]]);
    await waitForSerialAdded(ids.covered[2]);

    const approval = await approved([ids.covered[0], ids.covered[1], ids.covered[2]]);
    const { accountId } = approval.payload;
    for (const serial of ids.covered.slice(0, 2)) {
      const added = await waitForSerialAdded(serial);
      expect(added.payload).toMatchObject({
        serial,
        accountId,
        country: 'US',
        model: { code: model.code },
        contract: { contractId: `C-${serial}`, status: 'active' },
        shipTo: SHIP_TO,
        source: 'registration',
      });
      expect(added.payload.supplyItems.map((item) => item.reorderNumber).sort()).toEqual(
        [...model.reorderNumbers].sort(),
      );
      expect(added.causationId).toBe(approval.eventId);
    }
    const devices = await api.expect<{
      items: { serial: string; covered: boolean; supplyItems: unknown[] }[];
    }>(200, `/api/accounts/${accountId}/devices`, { token: admin });
    expect(devices.items.map((d) => [d.serial, d.covered, d.supplyItems.length])).toEqual([
      [ids.covered[0], true, 2],
      [ids.covered[1], true, 2],
    ]);
    const account = await api.expect(200, `/api/accounts/${accountId}`, { token: admin });
    expect(account).toEqual({
      accountId,
      company: 'Registry E2E Ltd',
      country: 'US',
      shipTo: SHIP_TO,
      serials: [ids.covered[0], ids.covered[1]],
    });

    // Redelivered (new envelope, same approval): no second effect.
    await publish(RegistrationApprovedEvent, approval.payload);
    await quiet();
    for (const serial of ids.covered) expect(serialAdded(serial)).toHaveLength(1);
    const taken = await api.expect<{ accountId: string }>(200, `/api/devices/${ids.covered[2]}`, {
      token: admin,
    });
    expect(taken.accountId).toBe(first.payload.accountId);
    expect((await api.call(`/api/accounts/${randomUUID()}`, { token: admin })).status).toBe(404);
  });

  it('publishes ContractChanged for a new contract and, with the account, for a changed one — once each, in order', async () => {
    const ids = await ownDevices(1);
    const [serial] = ids.covered;
    const changes = () =>
      events<ContractChangedPayload>(Topics.RegistryDevice, serial, 'ContractChanged');
    const created = await waitFor('ContractChanged of the new contract', () => changes()[0], 30000);
    expect(created.payload).toEqual({
      serial,
      contract: {
        contractId: `C-${serial}`,
        status: 'active',
        startsOn: isoDay(-100),
        endsOn: isoDay(400),
      },
      changedAt: expect.any(String),
    });
    const { payload } = await approved([serial]);
    await waitForSerialAdded(serial);
    const ended = [
      {
        contractId: `C-${serial}`,
        serial,
        status: 'active',
        startsOn: isoDay(-100),
        endsOn: isoDay(-1),
      },
    ];
    expect(await imported(api, admin, 'contracts', 'json', JSON.stringify(ended))).toMatchObject({
      updated: 1,
    });
    const changed = await waitFor(
      'ContractChanged of the ended contract',
      () => changes()[1],
      30000,
    );
    expect(changed.payload).toMatchObject({
      serial,
      accountId: payload.accountId,
      contract: { contractId: `C-${serial}`, endsOn: isoDay(-1) },
    });
    // One document publishes all of a serial's events: Kafka has them in the order they happened.
    const order = seen
      .filter((m) => m.topic === Topics.RegistryDevice && m.key === serial)
      .map((m) => (JSON.parse(m.value as string) as EventEnvelope<unknown>).type);
    expect(order).toEqual(['ContractChanged', 'SerialAdded', 'ContractChanged']);
    // Same file again: unchanged, no event.
    expect(await imported(api, admin, 'contracts', 'json', JSON.stringify(ended))).toMatchObject({
      unchanged: 1,
    });
    await quiet();
    expect(changes()).toHaveLength(2);
    const device = await api.expect<{ covered: boolean }>(200, `/api/devices/${serial}`, {
      token: admin,
    });
    expect(device.covered).toBe(false);
  });

  it("parks a malformed message on registry's dead-letter topic and processes the next one", async () => {
    const key = `poison-${tag(10)}`;
    await kafka.produce(Topics.IdentityRegistration, [{ key, value: '{"this is": not json' }]);
    const ids = await ownDevices(1);
    const next = await requested(ids.covered);
    const parked = await waitFor(
      'dead letter',
      () => seen.find((m) => m.topic === deadLetterTopic('registry') && m.key === key),
      30000,
    );
    expect(parked.headers).toMatchObject({
      'dlq-reason': 'malformed-json',
      'dlq-consumer-group': 'registry',
      'dlq-original-topic': Topics.IdentityRegistration,
    });
    await waitFor(
      'the next request checked',
      () => events(Topics.RegistrySerialCheck, next.payload.registrationId, 'SerialsValidated')[0],
      30000,
    );
  });
});
