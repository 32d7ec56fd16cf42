/**
 * What the registry publishes about devices besides linking, over real Kafka: ContractChanged
 * for new and changed contracts (with the account once linked, in order with SerialAdded,
 * never for an identical re-import), and a malformed message parked on registry's dead-letter
 * topic while the next one is processed.
 */
import 'reflect-metadata';
import { ContractChangedPayload, deadLetterTopic, Topics } from '@metered/contracts';
import { EventEnvelope } from '@metered/event-platform';
import { waitFor } from '../../support/event-platform/wait-for';
import { RegistryEventsHarness } from './registry-events.harness';
import { imported, isoDay, tag } from './registry-harness';

describe('registry device events and dead letters (real Kafka and FerretDB)', () => {
  const h = new RegistryEventsHarness();
  beforeAll(() => h.start(), 600000);
  afterAll(() => h.close());

  it('publishes ContractChanged for a new contract and, with the account, for a changed one — once each, in order', async () => {
    const ids = await h.ownDevices(1);
    const [serial] = ids.covered;
    const changes = () =>
      h.events<ContractChangedPayload>(Topics.RegistryDevice, serial, 'ContractChanged');
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
    const { payload } = await h.approved([serial]);
    await h.waitForSerialAdded(serial);
    const ended = [
      {
        contractId: `C-${serial}`,
        serial,
        status: 'active',
        startsOn: isoDay(-100),
        endsOn: isoDay(-1),
      },
    ];
    expect(
      await imported(h.api, h.admin, 'contracts', 'json', JSON.stringify(ended)),
    ).toMatchObject({
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
    const order = h.seen
      .filter((m) => m.topic === Topics.RegistryDevice && m.key === serial)
      .map((m) => (JSON.parse(m.value as string) as EventEnvelope<unknown>).type);
    expect(order).toEqual(['ContractChanged', 'SerialAdded', 'ContractChanged']);
    // Same file again: unchanged, no event.
    expect(
      await imported(h.api, h.admin, 'contracts', 'json', JSON.stringify(ended)),
    ).toMatchObject({
      unchanged: 1,
    });
    await h.quiet();
    expect(changes()).toHaveLength(2);
    const device = await h.api.expect<{ covered: boolean }>(200, `/api/devices/${serial}`, {
      token: h.admin,
    });
    expect(device.covered).toBe(false);
  });

  it("parks a malformed message on registry's dead-letter topic and processes the next one", async () => {
    const key = `poison-${tag(10)}`;
    await h.kafka.produce(Topics.IdentityRegistration, [{ key, value: '{"this is": not json' }]);
    const ids = await h.ownDevices(1);
    const next = await h.requested(ids.covered);
    const parked = await waitFor(
      'dead letter',
      () => h.seen.find((m) => m.topic === deadLetterTopic('registry') && m.key === key),
      30000,
    );
    expect(parked.headers).toMatchObject({
      'dlq-reason': 'malformed-json',
      'dlq-consumer-group': 'registry',
      'dlq-original-topic': Topics.IdentityRegistration,
    });
    await waitFor(
      'the next request checked',
      () =>
        h.events(Topics.RegistrySerialCheck, next.payload.registrationId, 'SerialsValidated')[0],
      30000,
    );
  });
});
