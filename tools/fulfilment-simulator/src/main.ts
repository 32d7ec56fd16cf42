import { createServer } from 'node:http';
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
  const stop = (): void => {
    health.close();
    void simulator.stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await simulator.start();
}

main().catch((error: unknown) => {
  console.error(`fulfilment simulator did not start: ${String(error)}`);
  process.exit(1);
});
