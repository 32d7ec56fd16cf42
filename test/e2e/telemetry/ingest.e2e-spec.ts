/**
 * Readings in over HTTP: an agent's credential, per-reading results, duplicates and late
 * arrivals, every bad input of the spec refused alone with its reason, another account's
 * serial, a revoked credential, and what an upload costs the database.
 */
import { MAX_READINGS_PER_BATCH, type TelemetryReading } from '@metered/contracts/reference';
import { Customer } from '../../support/ordering/ordering-harness';
import {
  CreatedAgent,
  commandsBetween,
  history,
  telemetryCommandCounts,
  TelemetryHarness,
  totalOf,
} from '../../support/telemetry/telemetry-harness';

describe('telemetry ingest over HTTP (real stack)', () => {
  const harness = new TelemetryHarness();
  let customer: Customer;
  let other: Customer;
  let agent: CreatedAgent;

  beforeAll(async () => {
    await harness.start();
    customer = await harness.telemetryCustomer(2);
    other = await harness.telemetryCustomer(1);
    agent = await harness.agent(customer.token);
  }, 300_000);

  it('issues a credential once and lists the agent without it', async () => {
    expect(agent.credential).toMatch(/^mdca_[0-9a-f-]{36}_[0-9a-f]{64}$/);
    const list = await harness.gateway.expect<{ items: object[] }>(200, '/api/telemetry/agents', {
      token: customer.token,
    });
    expect(list.items).toEqual([
      expect.objectContaining({
        agentId: agent.agentId,
        accountId: customer.accountId,
        name: agent.name,
      }),
    ]);
    expect(JSON.stringify(list)).not.toContain(agent.credential.slice(-64));
  });

  it('stores a 60-day history, and the fleet page shows the device with its last reading', async () => {
    const serial = customer.devices.eligible[0];
    const readings = history(serial, customer.devices.reorderNumber, { days: 60 });
    const answer = await harness.upload(agent.credential, { agentId: agent.agentId, readings });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ accepted: 60, duplicates: 0, refused: 0 });
    const fleet = await harness.waitForFleet(customer.token, (page) =>
      page.devices.some(
        (device) => device.serial === serial && device.lastReadAt === readings[59].readAt,
      ),
    );
    const device = fleet.devices.find((entry) => entry.serial === serial)!;
    expect(device.silent).toBe(false);
    expect(device.supplies[0]).toMatchObject({
      supplyId: '1',
      reorderNumber: customer.devices.reorderNumber,
      maxCapacity: 1000,
    });
    expect(['forecast', 'learning']).toContain(device.supplies[0].state);
  });

  it('answers a repeated upload with duplicates, and takes late readings in time order', async () => {
    const serial = customer.devices.eligible[1];
    const readings = history(serial, customer.devices.reorderNumber, { days: 10 });
    const newestFirst = [...readings.slice(5)].reverse();
    const first = await harness.upload(agent.credential, {
      agentId: agent.agentId,
      readings: newestFirst,
    });
    expect(first.body).toMatchObject({ accepted: 5, duplicates: 0, refused: 0 });
    const again = await harness.upload(agent.credential, { agentId: agent.agentId, readings });
    expect(again.body).toMatchObject({ accepted: 5, duplicates: 5, refused: 0 });
    expect(again.body.results.slice(5).every((result) => result.status === 'duplicate')).toBe(true);
    const fleet = await harness.waitForFleet(customer.token, (page) =>
      page.devices.some(
        (device) => device.serial === serial && device.lastReadAt === readings[9].readAt,
      ),
    );
    // The newest reading's level stands, though older ones arrived after it.
    const device = fleet.devices.find((entry) => entry.serial === serial)!;
    expect(device.supplies[0].level).toBe(readings[9].supplies[0].level);
  });

  it('refuses every bad reading alone with its reason and keeps the rest of the batch', async () => {
    const serial = customer.devices.eligible[1];
    const now = Date.now();
    const good = (minutesAgo: number, total: number, level = 500): TelemetryReading => ({
      serial,
      readAt: new Date(now - minutesAgo * 60_000).toISOString(),
      counters: { total },
      supplies: [{ supplyId: '1', description: 'Black Toner Cartridge', level, maxCapacity: 1000 }],
    });
    const readings: unknown[] = [
      good(30, 900_000),
      { ...good(29, 900_001), serial: other.devices.eligible[0] }, // another account's serial
      { ...good(28, 900_002), serial: customer.devices.unknown }, // not a device of anyone
      good(27, 10), // counter went backwards, no reset
      {
        ...good(26, 900_003),
        supplies: [{ supplyId: '1', description: 'Black', level: 1200, maxCapacity: 1000 }],
      },
      { ...good(25, 900_004), readAt: new Date(now + 3 * 3600_000).toISOString() }, // future
      { serial, readAt: 'yesterday', supplies: [] }, // malformed time
      'not a reading',
      { ...good(24, 900_005), supplies: [{ supplyId: '1', description: 'Black' }] }, // no level nor state
      { ...good(23, 50), counterReset: true }, // a reset may go down
      good(22, 60),
    ];
    const answer = await harness.upload(agent.credential, { agentId: agent.agentId, readings });
    expect(answer.status).toBe(200);
    const byIndex = (index: number) =>
      answer.body.results.find((result) => result.index === index)!;
    expect(byIndex(0).status).toBe('accepted');
    expect(byIndex(1)).toMatchObject({
      status: 'refused',
      field: 'serial',
      reason: expect.stringContaining("agent's account"),
    });
    expect(byIndex(2)).toMatchObject({ status: 'refused', field: 'serial' });
    expect(byIndex(3)).toMatchObject({
      status: 'refused',
      field: 'counters.total',
      reason: expect.stringContaining('backwards'),
    });
    expect(byIndex(4)).toMatchObject({
      status: 'refused',
      field: 'supplies.0.level',
      reason: expect.stringContaining('maxCapacity'),
    });
    expect(byIndex(5)).toMatchObject({
      status: 'refused',
      field: 'readAt',
      reason: expect.stringContaining('future'),
    });
    expect(byIndex(6)).toMatchObject({ status: 'refused', field: 'readAt' });
    expect(byIndex(7)).toMatchObject({
      status: 'refused',
      reason: expect.stringContaining('malformed'),
    });
    expect(byIndex(8)).toMatchObject({ status: 'refused', field: 'supplies.0.level' });
    expect(byIndex(9).status).toBe('accepted');
    expect(byIndex(10).status).toBe('accepted');
    expect(answer.body).toMatchObject({ accepted: 3, duplicates: 0, refused: 8 });
  });

  it('refuses a malformed batch as a whole', async () => {
    const noReadings = await harness.upload(agent.credential, { agentId: agent.agentId });
    expect(noReadings.status).toBe(400);
    const tooMany = await harness.upload(agent.credential, {
      agentId: agent.agentId,
      readings: Array.from({ length: MAX_READINGS_PER_BATCH + 1 }, () => ({})),
    });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('at most 5000');
    const otherAgent = await harness.upload(agent.credential, {
      agentId: '00000000-0000-4000-8000-000000000000',
      readings: [{}],
    });
    expect(otherAgent.status).toBe(400);
  });

  it('answers 401 to no credential, a wrong one and a revoked one', async () => {
    const body = {
      agentId: agent.agentId,
      readings: history(customer.devices.eligible[0], 'X', { days: 1 }),
    };
    const none = await harness.gateway.call('/api/telemetry/readings', { body });
    expect(none.status).toBe(401);
    const forged = await harness.upload(`${agent.credential.slice(0, -4)}0000`, body);
    expect(forged.status).toBe(401);
    const doomed = await harness.agent(customer.token, 'Old DCA');
    expect(
      (await harness.upload(doomed.credential, { ...body, agentId: doomed.agentId })).status,
    ).toBe(200);
    // Another customer cannot revoke it.
    const foreign = await harness.gateway.call(`/api/telemetry/agents/${doomed.agentId}`, {
      method: 'DELETE',
      token: other.token,
    });
    expect(foreign.status).toBe(404);
    await harness.gateway.expect(204, `/api/telemetry/agents/${doomed.agentId}`, {
      method: 'DELETE',
      token: customer.token,
    });
    expect(
      (await harness.upload(doomed.credential, { ...body, agentId: doomed.agentId })).status,
    ).toBe(401);
  });

  it('costs at most 0.05 database commands per reading on a 1,000-reading upload, derivation included', async () => {
    const serials = customer.devices.eligible;
    // 500 readings for each of the account's two devices: a day of readings every ~3 minutes.
    const readings = serials.flatMap((serial) =>
      history(serial, customer.devices.reorderNumber, {
        days: 2,
        perReading: 250,
        now: Date.now() - 61 * 86_400_000,
      }).slice(0, 500),
    );
    expect(readings).toHaveLength(1000);
    // The relay polls its collections on a timer whatever happens: that idle rate is measured
    // over a window as long as the upload's and taken off, so what remains is what the upload
    // caused (the request, the relay's publishing, derivation and its writes).
    const window = 12_000;
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const idleStart = await telemetryCommandCounts();
    await new Promise((resolve) => setTimeout(resolve, window));
    const before = await telemetryCommandCounts();
    const idle = totalOf(commandsBetween(idleStart, before));
    const answer = await harness.upload(agent.credential, { agentId: agent.agentId, readings });
    expect(answer.body.accepted).toBe(1000);
    await new Promise((resolve) => setTimeout(resolve, window));
    const after = await telemetryCommandCounts();
    const spent = commandsBetween(before, after);
    const perReading = (totalOf(spent) - idle) / 1000;
    console.log(
      `telemetry: ${totalOf(spent)} database commands in the ${window / 1000} s after a 1,000-reading upload, ${idle} in as long before it: ${perReading} per reading; ${JSON.stringify(Object.fromEntries(spent))}`,
    );
    expect(perReading).toBeLessThanOrEqual(0.05);
  });

  afterAll(async () => {
    /* the harness holds no connections */
  });
});
