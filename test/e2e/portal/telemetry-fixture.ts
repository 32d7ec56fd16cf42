/**
 * What the portal's browser suites need from the telemetry service, through the public API as
 * a real data collection agent uses it: an agent credential for an account, and a history of
 * readings uploaded in one batch (`Authorization: Agent <credential>`). Uploading again is
 * safe — readings already stored come back as `duplicate` — so the upload is simply repeated
 * until the telemetry service knows the account's serials (it learns them from the registry's
 * events, a moment after the account is approved).
 */
import { GatewayClient, pollUntil } from '../../../tools/stack/src/demo/gateway-client';

const DAY_MS = 86_400_000;

export interface CreatedAgent {
  agentId: string;
  accountId: string;
  name: string;
  credential: string;
}

export interface UploadAnswer {
  accepted: number;
  duplicates: number;
  refused: number;
  results: { index: number; status: string; field?: string; reason?: string }[];
}

/** The supply of the test devices: one black toner tied to the item of the test model. */
export interface SupplyShape {
  reorderNumber: string;
  description?: string;
}

export interface SupplyReading {
  supplyId: string;
  description: string;
  reorderNumber?: string;
  colorant?: string;
  level?: number;
  maxCapacity?: number;
  state?: 'ok' | 'low' | 'empty';
}

export interface Reading {
  serial: string;
  readAt: string;
  counters?: { total?: number };
  supplies: SupplyReading[];
}

/** Creates an agent for the caller's account (customers) or `accountId` (helpdesk). */
export async function createAgent(
  gateway: GatewayClient,
  token: string,
  name: string,
  accountId?: string,
): Promise<CreatedAgent> {
  return gateway.expect<CreatedAgent>(201, '/api/telemetry/agents', {
    token,
    body: { name, ...(accountId ? { accountId } : {}) },
  });
}

export function uploadReadings(
  gateway: GatewayClient,
  agent: Pick<CreatedAgent, 'agentId' | 'credential'>,
  readings: Reading[],
) {
  return gateway.call<UploadAnswer>('/api/telemetry/readings', {
    headers: { Authorization: `Agent ${agent.credential}` },
    body: { agentId: agent.agentId, readings },
  });
}

/**
 * Uploads until no reading is refused because telemetry does not know the serial yet; then
 * every reading is accepted or a duplicate. Throws with the refusals otherwise.
 */
export async function uploadWhenKnown(
  gateway: GatewayClient,
  agent: Pick<CreatedAgent, 'agentId' | 'credential'>,
  readings: Reading[],
): Promise<UploadAnswer> {
  const answer = await pollUntil(
    () => uploadReadings(gateway, agent, readings),
    (a) => a.status === 200 && a.body.refused === 0,
    { timeoutMs: 60000, intervalMs: 1000 },
  );
  if (answer.status !== 200 || answer.body.refused !== 0) {
    const refusals = answer.body.results?.filter((result) => result.status === 'refused');
    throw new Error(
      `readings refused: ${answer.status} ${JSON.stringify(refusals ?? answer.body).slice(0, 600)}`,
    );
  }
  return answer.body;
}

/**
 * One reading a day for `days` days, the newest `endDaysAgo` days ago, the toner going from
 * `fromPercent` down by `perDayPercent` a day (units out of 1000) — a steady office printer.
 */
export function decliningHistory(
  serial: string,
  supply: SupplyShape,
  options: { days: number; endDaysAgo?: number; fromPercent: number; perDayPercent: number },
): Reading[] {
  const { days, endDaysAgo = 0, fromPercent, perDayPercent } = options;
  const now = Date.now();
  return Array.from({ length: days }, (_, index) => {
    const ageDays = endDaysAgo + (days - 1 - index);
    // A few minutes off the whole hour, as real agents read on their own clocks.
    const readAt = new Date(now - ageDays * DAY_MS - 5 * 60_000).toISOString();
    return {
      serial,
      readAt,
      counters: { total: 10_000 + index * 250 },
      supplies: [
        {
          supplyId: 'black-toner',
          description: supply.description ?? 'Black Toner Cartridge',
          reorderNumber: supply.reorderNumber,
          colorant: 'black',
          level: Math.round((fromPercent - index * perDayPercent) * 10),
          maxCapacity: 1000,
        },
      ],
    };
  });
}

/** A device that reports only RFC 3805's "some remaining" (-3): no forecast is possible. */
export function someRemainingHistory(serial: string, supply: SupplyShape, days: number): Reading[] {
  const now = Date.now();
  return Array.from({ length: days }, (_, index) => ({
    serial,
    readAt: new Date(now - (days - 1 - index) * DAY_MS - 7 * 60_000).toISOString(),
    counters: { total: 5_000 + index * 120 },
    supplies: [
      {
        supplyId: 'black-toner',
        description: supply.description ?? 'Black Toner Cartridge',
        reorderNumber: supply.reorderNumber,
        colorant: 'black',
        level: -3,
        maxCapacity: -2,
      },
    ],
  }));
}

export interface FleetAnswer {
  accountId: string;
  silentAfterDays: number;
  devices: {
    serial: string;
    silent: boolean;
    lastReadAt?: string;
    supplies: {
      supplyId: string;
      state: string;
      percent?: number;
      daysToEmpty?: number;
      confidence?: string;
    }[];
  }[];
}

/** Waits until the fleet (customer token, or staff with `accountId`) satisfies `ready`. */
export async function waitForFleet(
  gateway: GatewayClient,
  token: string,
  ready: (fleet: FleetAnswer) => boolean,
  accountId?: string,
): Promise<FleetAnswer> {
  const query = accountId ? `?accountId=${accountId}` : '';
  const answer = await pollUntil(
    () => gateway.call<FleetAnswer>(`/api/telemetry/fleet${query}`, { token }),
    (a) => a.status === 200 && ready(a.body),
    { timeoutMs: 60000, intervalMs: 500 },
  );
  if (answer.status !== 200 || !ready(answer.body)) {
    throw new Error(
      `fleet never got there: ${answer.status} ${JSON.stringify(answer.body).slice(0, 800)}`,
    );
  }
  return answer.body;
}

export interface SuggestionsAnswer {
  serial: string;
  leadTimeDays: number;
  reviewDays: number;
  items: {
    reorderNumber: string;
    daysToEmpty?: number;
    state: string;
    onsiteUnits: number;
    suggestedQuantity: number;
  }[];
}

/** The supply of `serial` in the fleet answer, if reported. */
export function supplyOf(fleet: FleetAnswer, serial: string) {
  return fleet.devices.find((device) => device.serial === serial)?.supplies[0];
}
