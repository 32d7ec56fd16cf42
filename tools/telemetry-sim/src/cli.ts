import { Kafka } from 'kafkajs';
import { Topics } from '@metered/contracts';
import { MAX_READINGS_PER_BATCH, TelemetryReading } from '@metered/contracts/reference';
import { simulateFleet } from './simulate';

/**
 * npm run telemetry:sim -- --serials E72345A6N1,E72345A6N2 --days 60 --credential mdca_<agent>_<secret>
 *   (--url http://localhost:3000/api/telemetry/readings | --kafka localhost:9092) [--seed 1] [--per-day 4] [--dry-run]
 * Simulates the devices' history and uploads it as their agent would: HTTP batches, or
 * messages on telemetry.ingest.v1 keyed by serial with the credential header.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const serials = (args.serials ?? '')
    .split(',')
    .map((serial) => serial.trim())
    .filter(Boolean);
  if (serials.length === 0) throw new Error('--serials A,B,... is required');
  const fleet = simulateFleet({
    seed: args.seed ?? 1,
    devices: serials,
    days: Number(args.days ?? 60),
    readingsPerDay: Number(args['per-day'] ?? 4),
  });
  const readings = fleet.devices.reduce((sum, device) => sum + device.readings.length, 0);
  console.log(
    `simulated ${fleet.devices.length} devices, ${readings} readings, ${fleet.start} → ${fleet.end}`,
  );
  for (const device of fleet.devices) {
    console.log(
      `  ${device.serial} ${device.model.name} (${device.reporting}${device.silentFrom ? `, silent from ${device.silentFrom}` : ''})`,
    );
  }
  if (args['dry-run']) return;
  const credential = args.credential ?? process.env.TELEMETRY_AGENT_CREDENTIAL;
  if (!credential) throw new Error('--credential mdca_<agentId>_<secret> is required');
  const agentId = credential.split('_')[1] ?? '';
  if (args.kafka) {
    const kafka = new Kafka({ clientId: 'telemetry-sim', brokers: args.kafka.split(',') });
    const producer = kafka.producer();
    await producer.connect();
    for (const device of fleet.devices) {
      for (const batch of device.uploads) {
        await producer.send({
          topic: Topics.TelemetryIngest,
          messages: [
            {
              key: device.serial,
              value: JSON.stringify({ agentId, readings: batch }),
              headers: { credential },
            },
          ],
        });
      }
    }
    await producer.disconnect();
    console.log(`produced to ${Topics.TelemetryIngest}`);
    return;
  }
  const url = args.url ?? 'http://localhost:3000/api/telemetry/readings';
  const totals = { accepted: 0, duplicates: 0, refused: 0 };
  const uploads = fleet.devices.flatMap((device) => device.uploads);
  for (const batch of mergeBatches(uploads)) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Agent ${credential}` },
      body: JSON.stringify({ agentId, readings: batch }),
    });
    if (!response.ok)
      throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    const result = (await response.json()) as typeof totals;
    totals.accepted += result.accepted;
    totals.duplicates += result.duplicates;
    totals.refused += result.refused;
  }
  console.log(`posted to ${url}: ${JSON.stringify(totals)}`);
}

/** Packs device batches into HTTP requests of at most MAX_READINGS_PER_BATCH readings, keeping each device's order. */
function mergeBatches(uploads: TelemetryReading[][]): TelemetryReading[][] {
  const requests: TelemetryReading[][] = [];
  let current: TelemetryReading[] = [];
  for (const batch of uploads) {
    if (current.length + batch.length > MAX_READINGS_PER_BATCH && current.length > 0) {
      requests.push(current);
      current = [];
    }
    current.push(...batch);
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

function parseArgs(argv: string[]): Record<string, string | undefined> {
  const args: Record<string, string | undefined> = {};
  for (let index = 0; index < argv.length; index += 1) {
    if (!argv[index].startsWith('--')) continue;
    const name = argv[index].slice(2);
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--')) args[name] = 'true';
    else {
      args[name] = value;
      index += 1;
    }
  }
  return args;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
