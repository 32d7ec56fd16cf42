/**
 * What the telemetry end-to-end suites share: customers with devices (the ordering harness's
 * real registration flow), agents, uploads, the fleet page, and the service's own counters.
 */
import type { TelemetryReading } from '@metered/contracts/reference';
import { ApiAnswer, pollUntil } from '../../../tools/stack/src/demo/gateway-client';
import { Customer, OrderingHarness } from '../ordering/ordering-harness';
import { appUrl } from '../stack-env';

export interface CreatedAgent {
  agentId: string;
  accountId: string;
  name: string;
  createdAt: string;
  credential: string;
}

export interface UploadAnswer {
  accepted: number;
  duplicates: number;
  refused: number;
  results: Array<{
    index: number;
    serial?: string;
    readAt?: string;
    status: string;
    field?: string;
    reason?: string;
  }>;
}

export interface FleetAnswer {
  accountId: string;
  silentAfterDays: number;
  devices: Array<{
    serial: string;
    lastReadAt?: string;
    silent: boolean;
    totalPages?: number;
    supplies: Array<{
      supplyId: string;
      reorderNumber?: string;
      level: number;
      maxCapacity: number;
      percent?: number;
      state: string;
      daysToEmpty?: number;
      confidence?: string;
    }>;
  }>;
}

const DAY_MS = 86_400_000;

/**
 * A device's history: one reading a day for `days` days up to now, black toner falling from
 * 100 % by `perDay` % a day (a swap back to 100 % when it would go below 2 %), pages rising.
 */
export function history(
  serial: string,
  reorderNumber: string,
  { days = 60, perDay = 1.2, start = 100, now = Date.now(), perReading = 1 } = {},
): TelemetryReading[] {
  const readings: TelemetryReading[] = [];
  let level = start;
  let pages = 10_000;
  const count = days * perReading;
  for (let n = count; n >= 1; n--) {
    const at = new Date(now - (n * DAY_MS) / perReading + 60_000);
    readings.push({
      serial,
      readAt: at.toISOString(),
      counters: { total: Math.round(pages) },
      supplies: [
        {
          supplyId: '1',
          description: 'Black Toner Cartridge',
          reorderNumber,
          colorant: 'black',
          level: Math.max(0, Math.round(level * 10)),
          maxCapacity: 1000,
        },
      ],
    });
    level -= perDay / perReading;
    if (level < 2) level = 100;
    pages += 300 / perReading;
  }
  return readings;
}

export class TelemetryHarness extends OrderingHarness {
  async agent(token: string, name = 'Head office DCA', accountId?: string): Promise<CreatedAgent> {
    return this.gateway.expect<CreatedAgent>(201, '/api/telemetry/agents', {
      token,
      body: { name, ...(accountId ? { accountId } : {}) },
    });
  }

  upload(credential: string, body: unknown): Promise<ApiAnswer<UploadAnswer>> {
    return this.gateway.call<UploadAnswer>('/api/telemetry/readings', {
      body,
      headers: { Authorization: `Agent ${credential}` },
    });
  }

  fleet(token: string, accountId?: string): Promise<ApiAnswer<FleetAnswer>> {
    return this.gateway.call<FleetAnswer>(
      `/api/telemetry/fleet${accountId ? `?accountId=${accountId}` : ''}`,
      { token },
    );
  }

  /** Polls the fleet page until `done` holds (telemetry learns of devices and readings by events). */
  async waitForFleet(
    token: string,
    done: (fleet: FleetAnswer) => boolean,
    timeoutMs = 45000,
  ): Promise<FleetAnswer> {
    const answer = await pollUntil(
      () => this.fleet(token),
      (a) => a.status === 200 && done(a.body),
      { timeoutMs, intervalMs: 500 },
    );
    if (answer.status !== 200 || !done(answer.body)) {
      throw new Error(
        `the fleet page never got there: ${answer.status} ${JSON.stringify(answer.body).slice(0, 800)}`,
      );
    }
    return answer.body;
  }

  /** A customer whose devices telemetry knows (its read model is fed by registry's events). */
  async telemetryCustomer(devices = 2): Promise<Customer> {
    const customer = await this.customer(devices);
    await this.waitForFleet(customer.token, (fleet) => fleet.devices.length >= devices);
    return customer;
  }
}

/** telemetry's database commands so far (its own `db_commands_total`), by collection and command. */
export async function telemetryCommandCounts(): Promise<Map<string, number>> {
  const text = await (await fetch(`${appUrl('telemetry')}/metrics`)).text();
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match =
      /^db_commands_total\{collection="([^"]*)",command="([^"]*)",context="([^"]*)"\} (\S+)$/.exec(
        line,
      );
    if (match) counts.set(`${match[1]} ${match[2]} ${match[3]}`, Number(match[4]));
  }
  return counts;
}

/** The commands counted between two readings of telemetryCommandCounts, non-zero only. */
export function commandsBetween(
  before: Map<string, number>,
  after: Map<string, number>,
): Map<string, number> {
  const diff = new Map<string, number>();
  for (const [key, value] of after) {
    const delta = value - (before.get(key) ?? 0);
    if (delta > 0) diff.set(key, delta);
  }
  return diff;
}

export function totalOf(counts: Map<string, number>): number {
  return [...counts.values()].reduce((sum, value) => sum + value, 0);
}
