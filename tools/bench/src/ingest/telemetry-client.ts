import type { TelemetryReading } from '@metered/contracts/reference';

/** An agent of a bench customer: its credential and the serials it reports. */
export interface BenchAgent {
  agentId: string;
  credential: string;
  customerToken: string;
  serials: string[];
}

export interface UploadAnswer {
  accepted: number;
  duplicates: number;
  refused: number;
  results?: { index: number; status: string; field?: string; reason?: string }[];
}

interface FleetAnswer {
  devices: { serial: string; lastReadAt?: string | null }[];
}

/** The gateway's telemetry endpoints as an agent and its customer use them. */
export class TelemetryClient {
  constructor(private readonly gatewayUrl: string) {}

  async createAgent(
    customerToken: string,
    name: string,
  ): Promise<{ agentId: string; credential: string }> {
    const response = await fetch(`${this.gatewayUrl}/api/telemetry/agents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customerToken}` },
      body: JSON.stringify({ name }),
    });
    if (response.status !== 201)
      throw new Error(`creating an agent answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { agentId: string; credential: string };
  }

  async upload(agent: BenchAgent, readings: TelemetryReading[]): Promise<UploadAnswer> {
    const response = await fetch(`${this.gatewayUrl}/api/telemetry/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Agent ${agent.credential}` },
      body: JSON.stringify({ agentId: agent.agentId, readings }),
      signal: AbortSignal.timeout(60_000),
    });
    if (response.status !== 200)
      throw new Error(
        `an upload answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
      );
    return (await response.json()) as UploadAnswer;
  }

  /** The newest reading the fleet page shows per serial (what derivation has applied). */
  async lastReadAt(customerToken: string): Promise<Map<string, number>> {
    const response = await fetch(`${this.gatewayUrl}/api/telemetry/fleet`, {
      headers: { authorization: `Bearer ${customerToken}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status !== 200) throw new Error(`the fleet page answered ${response.status}`);
    const fleet = (await response.json()) as FleetAnswer;
    return new Map(
      fleet.devices.map((device) => [
        device.serial,
        device.lastReadAt ? Date.parse(device.lastReadAt) : 0,
      ]),
    );
  }
}

/** The newest `readAt` per serial of a batch. */
export function newestPerSerial(readings: readonly TelemetryReading[]): Map<string, number> {
  const newest = new Map<string, number>();
  for (const reading of readings) {
    const at = Date.parse(reading.readAt);
    if (at > (newest.get(reading.serial) ?? 0)) newest.set(reading.serial, at);
  }
  return newest;
}
