/**
 * Hunts the "driver stays broken after a FerretDB outage" problem (README): clients with
 * different settings query FerretDB every 500 ms while the stack stops it for OUTAGE_S
 * seconds and starts it again; prints, per client, how long after the restart its queries
 * succeeded again and the distinct errors it saw. Needs the stack's FerretDB (it stops it):
 *   flock /tmp/metered-jest.lock npx tsx scripts/resilience/ferretdb-reconnect-probe.ts
 */
import mongoose, { Connection } from 'mongoose';
import { DATABASE_CLIENT_TIMEOUTS } from '../../libs/service-kit/src/errors/database-unavailable';
import { startComponent, stopComponent } from '../../tools/stack/src';

const URL = `${process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017'}/metered_test_fi_probe`;
const OUTAGE_S = Number(process.env.OUTAGE_S ?? 40);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Probe {
  name: string;
  connection: Connection;
  errors: Map<string, number>;
  lastOk: number;
  firstOkAfterRestart?: number;
}

async function main() {
  const settings: Record<string, object> = {
    'previous (serverSelection 5 s)': { serverSelectionTimeoutMS: 5000 },
    'service-kit now': { ...DATABASE_CLIENT_TIMEOUTS },
    'driver defaults': {},
  };
  await startComponent('ferretdb'); // a test run's teardown may have stopped it
  const probes: Probe[] = [];
  for (const [name, options] of Object.entries(settings)) {
    const connection = await mongoose.createConnection(URL, options).asPromise();
    probes.push({ name, connection, errors: new Map(), lastOk: Date.now() });
  }
  let restartedAt = 0;
  let running = true;
  const loops = probes.map(async (probe) => {
    while (running) {
      try {
        await probe.connection.collection('probe').findOne({});
        probe.lastOk = Date.now();
        if (restartedAt && probe.firstOkAfterRestart === undefined)
          probe.firstOkAfterRestart = Date.now() - restartedAt;
      } catch (error) {
        const message = (error as Error).message.replace(/\d+/g, 'N').slice(0, 120);
        probe.errors.set(message, (probe.errors.get(message) ?? 0) + 1);
      }
      await sleep(500);
    }
  });
  await sleep(2000);
  await stopComponent('ferretdb');
  try {
    await sleep(OUTAGE_S * 1000);
  } finally {
    await startComponent('ferretdb');
  }
  restartedAt = Date.now();
  await sleep(60_000);
  running = false;
  await Promise.all(loops);
  for (const probe of probes) {
    console.log(
      `${probe.name}: ok again after ${probe.firstOkAfterRestart ?? 'never (60 s)'} ms; errors ${JSON.stringify([...probe.errors])}`,
    );
    await probe.connection.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
