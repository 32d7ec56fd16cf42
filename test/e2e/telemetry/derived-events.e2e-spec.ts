import 'reflect-metadata';
/**
 * What telemetry derives and publishes: readings through telemetry.ingest.v1 (a malformed
 * message parked, a redelivered batch with one effect), supply low once per cartridge when
 * automatic replenishment is off, exactly one ReplenishmentRequested when it is on, and a
 * silent device announced once.
 */
import { TelemetryReading } from '@metered/contracts/reference';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';
import { Customer } from '../../support/ordering/ordering-harness';
import { CreatedAgent, TelemetryHarness } from '../../support/telemetry/telemetry-harness';

const DEVICE_TOPIC = 'telemetry.device.v1';
const INGEST_TOPIC = 'telemetry.ingest.v1';
const DEAD_LETTERS = 'telemetry.dead-letter.v1';

function reading(
  serial: string,
  reorderNumber: string,
  minutesAgo: number,
  permille: number,
): TelemetryReading {
  return {
    serial,
    readAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    counters: { total: 100_000 - minutesAgo },
    supplies: [
      {
        supplyId: '1',
        description: 'Black Toner Cartridge',
        reorderNumber,
        level: permille,
        maxCapacity: 1000,
      },
    ],
  };
}

function eventsOf(
  seen: SeenMessage[],
  type: string,
  serial: string,
): Array<{ payload: Record<string, unknown> }> {
  return seen
    .filter(
      (message) =>
        message.topic === DEVICE_TOPIC &&
        message.headers['event-type'] === type &&
        message.key === serial,
    )
    .map((message) => JSON.parse(message.value ?? '{}') as { payload: Record<string, unknown> });
}

describe('telemetry: Kafka ingest and derived events (real stack)', () => {
  const harness = new TelemetryHarness();
  const kafka = new KafkaTestClient();
  let seen: SeenMessage[];
  let customer: Customer;
  let agent: CreatedAgent;

  beforeAll(async () => {
    await harness.start();
    seen = await kafka.collect([DEVICE_TOPIC, DEAD_LETTERS]);
    customer = await harness.telemetryCustomer(3);
    agent = await harness.agent(customer.token, 'Kafka fleet');
  }, 300_000);

  afterAll(() => kafka.close());

  it('takes batches from telemetry.ingest.v1, parks a malformed one, and a redelivered one has one effect', async () => {
    const serial = customer.devices.eligible[0];
    const batch = {
      agentId: agent.agentId,
      readings: [
        reading(serial, customer.devices.reorderNumber, 60, 800),
        reading(serial, customer.devices.reorderNumber, 30, 790),
      ],
    };
    const message = {
      key: serial,
      value: JSON.stringify(batch),
      headers: { credential: agent.credential },
    };
    await kafka.produce(INGEST_TOPIC, [
      message,
      { key: serial, value: '{not json', headers: { credential: agent.credential } },
    ]);
    await kafka.produce(INGEST_TOPIC, [message]); // the same batch again
    await kafka.produce(INGEST_TOPIC, [
      { key: serial, value: JSON.stringify(batch), headers: { credential: 'mdca_forged' } },
    ]);

    await harness.waitForFleet(customer.token, (fleet) =>
      fleet.devices.some(
        (device) => device.serial === serial && device.lastReadAt === batch.readings[1].readAt,
      ),
    );
    const parked = await waitFor(
      'two parked messages',
      () => {
        const mine = seen.filter((entry) => entry.topic === DEAD_LETTERS && entry.key === serial);
        return mine.length >= 2 ? mine : undefined;
      },
      30_000,
    );
    expect(parked.map((entry) => entry.headers['dlq-reason']).sort()).toEqual([
      'handler-rejected',
      'malformed-json',
    ]);
    // The agent's credential never lands on the dead-letter topic.
    for (const entry of parked) expect(entry.headers.credential).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const accepted = eventsOf(seen, 'ReadingsAccepted', serial);
    expect(accepted).toHaveLength(1);
    expect(accepted[0].payload).toMatchObject({ serial, accepted: 2, agentId: agent.agentId });
  });

  it('announces a low supply once per cartridge when automatic replenishment is off', async () => {
    const serial = customer.devices.eligible[1];
    const upload = (minutesAgo: number, permille: number) =>
      harness.upload(agent.credential, {
        agentId: agent.agentId,
        readings: [reading(serial, customer.devices.reorderNumber, minutesAgo, permille)],
      });
    expect((await upload(50, 400)).body.accepted).toBe(1);
    expect((await upload(40, 100)).body.accepted).toBe(1); // 10 % < 15 %
    expect((await upload(30, 90)).body.accepted).toBe(1);
    const low = await waitFor(
      'SupplyLow',
      () => {
        const events = eventsOf(seen, 'SupplyLow', serial);
        return events.length > 0 ? events : undefined;
      },
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(eventsOf(seen, 'SupplyLow', serial)).toHaveLength(1);
    // Readings derived together announce the newest level (10 % or 9 %).
    expect(low[0].payload).toMatchObject({ serial, autoReplenishment: false });
    expect((low[0].payload.supply as { percent: number }).percent).toBeLessThanOrEqual(10);
    expect(eventsOf(seen, 'ReplenishmentRequested', serial)).toHaveLength(0);
  });

  it('asks for exactly one automatic order when the account opted in', async () => {
    const settings = await harness.gateway.expect<{ autoReplenishment: boolean }>(
      200,
      '/api/telemetry/settings',
      {
        method: 'PUT',
        token: customer.token,
        body: { autoReplenishment: true },
      },
    );
    expect(settings.autoReplenishment).toBe(true);
    await waitFor(
      'ReplenishmentSettingsChanged',
      () =>
        seen.some((message) => message.headers['event-type'] === 'ReplenishmentSettingsChanged') ||
        undefined,
      30_000,
    ).catch(() => undefined); // on telemetry.account.v1, not collected here
    const serial = customer.devices.eligible[2];
    const body = (minutesAgo: number, permille: number) => ({
      agentId: agent.agentId,
      readings: [reading(serial, customer.devices.reorderNumber, minutesAgo, permille)],
    });
    await harness.upload(agent.credential, body(50, 300));
    await harness.upload(agent.credential, body(40, 50)); // 5 %
    await harness.upload(agent.credential, body(40, 50)); // the same reading again: a duplicate
    await harness.upload(agent.credential, body(30, 40));
    const requested = await waitFor(
      'ReplenishmentRequested',
      () => {
        const events = eventsOf(seen, 'ReplenishmentRequested', serial);
        return events.length > 0 ? events : undefined;
      },
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(eventsOf(seen, 'ReplenishmentRequested', serial)).toHaveLength(1);
    expect(requested[0].payload).toMatchObject({
      serial,
      accountId: customer.accountId,
      reorderNumber: customer.devices.reorderNumber,
      trigger: { supply: { supplyId: '1' } },
    });
    expect(requested[0].payload.quantity).toBeGreaterThanOrEqual(1);
  });

  it('announces a silent device once', async () => {
    // A device of an account whose devices go silent after 1 day last reported 2 days ago.
    const other = await harness.telemetryCustomer(1);
    const otherAgent = await harness.agent(other.token);
    await harness.gateway.expect(200, '/api/telemetry/settings', {
      method: 'PUT',
      token: other.token,
      body: { silentAfterDays: 1 },
    });
    const silentSerial = other.devices.eligible[0];
    await harness.upload(otherAgent.credential, {
      agentId: otherAgent.agentId,
      readings: [reading(silentSerial, other.devices.reorderNumber, 2 * 24 * 60, 700)],
    });
    const silent = await waitFor(
      'DeviceSilent',
      () => {
        const events = eventsOf(seen, 'DeviceSilent', silentSerial);
        return events.length > 0 ? events : undefined;
      },
      150_000,
      1000,
    );
    expect(silent[0].payload).toMatchObject({
      serial: silentSerial,
      accountId: other.accountId,
      silentAfterDays: 1,
    });
    const page = await harness.waitForFleet(other.token, (value) =>
      value.devices.some((device) => device.serial === silentSerial && device.silent),
    );
    expect(page.devices[0].serial).toBe(silentSerial);
    // The next sweeps find it claimed: still one.
    await new Promise((resolve) => setTimeout(resolve, 70_000));
    expect(eventsOf(seen, 'DeviceSilent', silentSerial)).toHaveLength(1);
  }, 400_000);
});
