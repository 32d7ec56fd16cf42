import { DeviceSpec, SimulatedFleet, simulateFleet } from '../../../telemetry-sim/src';
import { GatewayClient, pollUntil } from './gateway-client';

/**
 * The demo's device telemetry: an agent per demo account and 60 days of readings of its
 * devices from the fleet simulator (tools/telemetry-sim), so the fleet page and the suggested
 * quantities are alive after `npm start`. Each device reports the demo catalogue's reorder
 * numbers on a simulated model with as many supplies (mono or colour), with the simulator's
 * quirks: early swaps, counter resets, duplicate and late uploads. Its level reporting is
 * fine-grained and its clock right, so every device gets a forecast; the last device of an
 * account with several has been silent for five days. Seeded by the serial: every start
 * loads the same history shape. Idempotent: an account whose demo agent exists already has
 * its history (the readings would be duplicates anyway).
 */
export const DEMO_AGENT_NAME = 'Demo data collection agent';

const HISTORY_DAYS = 60;
const SILENT_DAYS = 5;
/** Readings per POST (the endpoint takes up to 5,000). */
const UPLOAD_SIZE = 5000;

interface FleetPage {
  devices: Array<{ serial: string }>;
}

interface Suggestions {
  items: Array<{ reorderNumber: string }>;
}

/** The simulated device for a demo serial with these catalogue reorder numbers (≤ 4 used). */
export function demoDevice(
  serial: string,
  reorderNumbers: readonly string[],
  silent: boolean,
): DeviceSpec {
  const numbers = reorderNumbers.slice(0, 4);
  return {
    serial,
    model: numbers.length === 1 ? 'mono-a4-small' : 'colour-a4-mfp',
    reorderNumbers: numbers,
    reporting: 'level',
    clockSkewMinutes: 0,
    ...(silent ? { silentFromDay: HISTORY_DAYS - SILENT_DAYS } : {}),
  };
}

/** The demo fleet's history up to `end`: the same shape on every start. */
export function simulateDemoFleet(devices: readonly DeviceSpec[], end: Date): SimulatedFleet {
  return simulateFleet({ seed: 'metered-supplies-demo', devices, days: HISTORY_DAYS, end });
}

/** Loads the history of one demo customer's devices; returns what it did, for the log. */
export async function loadDemoTelemetry(
  gateway: GatewayClient,
  customerToken: string,
  now = Date.now(),
): Promise<string> {
  const agents = await gateway.expect<{ items: Array<{ name: string }> }>(
    200,
    '/api/telemetry/agents',
    {
      token: customerToken,
    },
  );
  if (agents.items.some((agent) => agent.name === DEMO_AGENT_NAME)) return 'history loaded before';
  // telemetry learns of the account's devices from registry's events.
  const fleet = await pollUntil(
    () => gateway.call<FleetPage>('/api/telemetry/fleet', { token: customerToken }),
    (answer) => answer.status === 200 && answer.body.devices.length > 0,
    { timeoutMs: 90_000, intervalMs: 1000 },
  );
  if (fleet.status !== 200 || fleet.body.devices.length === 0)
    return 'no devices known to telemetry yet';
  const agent = await gateway.expect<{ agentId: string; credential: string }>(
    201,
    '/api/telemetry/agents',
    {
      token: customerToken,
      body: { name: DEMO_AGENT_NAME },
    },
  );
  const devices: DeviceSpec[] = [];
  for (const [index, { serial }] of fleet.body.devices.entries()) {
    const items = await gateway.expect<Suggestions>(
      200,
      `/api/telemetry/devices/${serial}/suggestions`,
      {
        token: customerToken,
      },
    );
    const reorderNumbers = items.items.map((item) => item.reorderNumber);
    if (reorderNumbers.length === 0) continue;
    const silent = index > 0 && index === fleet.body.devices.length - 1;
    devices.push(demoDevice(serial, reorderNumbers, silent));
  }
  const simulated = simulateDemoFleet(devices, new Date(now));
  // As the agent uploads them: batches in upload order, duplicates and late ones included.
  const readings = simulated.devices.flatMap((device) => device.uploads.flat());
  for (let start = 0; start < readings.length; start += UPLOAD_SIZE) {
    await gateway.expect(200, '/api/telemetry/readings', {
      body: { agentId: agent.agentId, readings: readings.slice(start, start + UPLOAD_SIZE) },
      headers: { Authorization: `Agent ${agent.credential}` },
    });
  }
  return `${readings.length} readings of ${devices.length} devices`;
}
