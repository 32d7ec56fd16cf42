import { GatewayClient, pollUntil } from './gateway-client';

/**
 * The demo's device telemetry: an agent per demo account and about 60 days of readings for
 * its devices, so the fleet page and the suggested quantities are alive after `npm start`.
 * A minimal stand-in for the fleet simulator (tools/telemetry-sim, issue 17 part 10): one
 * reading every six hours, each device at its own pace, a cartridge swap where the toner ran
 * low, one device silent for the last five days. Idempotent: an account whose demo agent
 * exists already has its history (the readings would be duplicates anyway).
 */
export const DEMO_AGENT_NAME = 'Demo data collection agent';

const DAY_MS = 86_400_000;
const READINGS_PER_DAY = 4;
const HISTORY_DAYS = 60;

interface FleetPage {
  devices: Array<{ serial: string }>;
}

interface Suggestions {
  items: Array<{ reorderNumber: string }>;
}

interface DemoReading {
  serial: string;
  readAt: string;
  counters: { total: number };
  supplies: Array<{
    supplyId: string;
    description: string;
    reorderNumber: string;
    level: number;
    maxCapacity: number;
  }>;
}

/** A small deterministic generator, so every start loads the same history shape. */
function seeded(text: string): () => number {
  let state = [...text].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 2166136261);
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A device's readings: toner falling by its daily use, a swap back to full below 3 %. */
export function demoHistory(
  serial: string,
  reorderNumbers: readonly string[],
  now: number,
  silentDays = 0,
): DemoReading[] {
  const random = seeded(serial);
  const pagesPerDay = 150 + Math.round(random() * 900);
  const supplies = reorderNumbers.slice(0, 4).map((reorderNumber, index) => ({
    supplyId: String(index + 1),
    reorderNumber,
    level: 0.35 + random() * 0.65,
    perDay: 0.008 + random() * 0.02,
  }));
  const readings: DemoReading[] = [];
  let pages = 20_000 + Math.round(random() * 200_000);
  const end = now - silentDays * DAY_MS;
  for (let at = now - HISTORY_DAYS * DAY_MS; at <= end; at += DAY_MS / READINGS_PER_DAY) {
    pages += Math.round((pagesPerDay / READINGS_PER_DAY) * (0.6 + random() * 0.8));
    for (const supply of supplies) {
      supply.level -= (supply.perDay / READINGS_PER_DAY) * (0.6 + random() * 0.8);
      if (supply.level < 0.03) supply.level = 1;
    }
    readings.push({
      serial,
      readAt: new Date(at).toISOString(),
      counters: { total: pages },
      supplies: supplies.map((supply) => ({
        supplyId: supply.supplyId,
        description: `Toner ${supply.reorderNumber}`,
        reorderNumber: supply.reorderNumber,
        level: Math.max(0, Math.round(supply.level * 1000)),
        maxCapacity: 1000,
      })),
    });
  }
  return readings;
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
  const readings: DemoReading[] = [];
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
    // The last device of an account with several has been silent for five days.
    const silentDays = index > 0 && index === fleet.body.devices.length - 1 ? 5 : 0;
    readings.push(...demoHistory(serial, reorderNumbers, now, silentDays));
  }
  for (let start = 0; start < readings.length; start += 5000) {
    await gateway.expect(200, '/api/telemetry/readings', {
      body: { agentId: agent.agentId, readings: readings.slice(start, start + 5000) },
      headers: { Authorization: `Agent ${agent.credential}` },
    });
  }
  return `${readings.length} readings of ${fleet.body.devices.length} devices`;
}
