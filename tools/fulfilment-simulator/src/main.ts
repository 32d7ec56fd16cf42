import { createServer } from 'node:http';
import { backoffDelay, errorMessage, sleep } from '@metered/event-platform';
import { readSimulatorSettings } from './settings';
import { FulfilmentSimulator } from './simulator';

/**
 * The fulfilment simulator as its own process (`npm run stack` starts it; README.md):
 * GET /health on FULFILMENT_SIMULATOR_PORT answers 200 once its consumer runs, 503 before.
 */
async function main(): Promise<void> {
  const settings = readSimulatorSettings();
  const simulator = new FulfilmentSimulator(settings);
  const health = createServer((request, response) => {
    const ok = request.url === '/health' && simulator.ready;
    response.writeHead(ok ? 200 : request.url === '/health' ? 503 : 404).end(ok ? 'ok' : '');
  });
  await new Promise<void>((resolve, reject) => {
    health.once('error', reject);
    health.listen(settings.port, '127.0.0.1', resolve);
  });
  let stopping = false;
  const stop = (): void => {
    stopping = true;
    health.close();
    void simulator.stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // On a fresh stack ordering may not have created its topic yet, or the broker has not
  // elected its leaders ("does not host this topic-partition"): try again, as the services'
  // consumers do, instead of exiting; /health answers 503 meanwhile.
  for (let attempt = 1; !stopping; attempt++) {
    try {
      await simulator.start();
      return;
    } catch (error) {
      await simulator.stop();
      const wait = backoffDelay(attempt, { initialMs: 1000, maxMs: 15_000 });
      console.warn(
        `fulfilment simulator could not start (${errorMessage(error)}); retrying in ${wait} ms`,
      );
      await sleep(wait);
    }
  }
}

main().catch((error: unknown) => {
  console.error(`fulfilment simulator did not start: ${String(error)}`);
  process.exit(1);
});
