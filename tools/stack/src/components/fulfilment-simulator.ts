import { join } from 'node:path';
import { httpOk } from '../probes';
import { LaunchSpec } from '../process-manager';
import { infraUrls, instancesOf, SIMULATOR_NAME, StackSettings } from '../settings';
import { newestMtime } from './app-build';
import { Component } from './component';

/** Its entry, run through tsx (a dev dependency, as for the stack itself): nothing to build. */
export function simulatorEntry(settings: StackSettings): string {
  return join(settings.paths.repoRoot, 'tools', 'fulfilment-simulator', 'src', 'main.ts');
}

/**
 * The local stack has no warehouse: the fulfilment simulator (tools/fulfilment-simulator)
 * ships placed orders through fulfilment events after a delay long enough to watch an order
 * move in the portal. One process whatever the replica shape; only Kafka is needed.
 * `node --import tsx` keeps it one process (the pid the bench measures), and a fresh clone
 * runs it without a build.
 */
export function fulfilmentSimulatorComponent(settings: StackSettings): Component {
  const { env, paths, ports } = settings;
  const url = `http://127.0.0.1:${ports.fulfilmentSimulator}`;
  const environment = (): Record<string, string> => ({
    KAFKA_BROKERS: infraUrls(settings).KAFKA_BROKERS,
    FULFILMENT_SIMULATOR_DELAY_MS: env.FULFILMENT_SIMULATOR_DELAY_MS ?? '15000',
    FULFILMENT_SIMULATOR_PORT: String(ports.fulfilmentSimulator),
  });
  const sources = () =>
    Math.max(
      newestMtime(join(paths.repoRoot, 'tools', 'fulfilment-simulator')),
      newestMtime(join(paths.repoRoot, 'libs')),
    );

  return {
    name: SIMULATOR_NAME,
    kind: 'app',
    dependsOn: instancesOf('kafka', settings.shape),
    ports: [{ port: ports.fulfilmentSimulator, hint: 'set FULFILMENT_SIMULATOR_PORT' }],
    url,
    readyTimeoutMs: 60_000,
    heavyBuild: false,
    // Other settings or changed sources mean a restart (tsx compiles them at start).
    fingerprint: () => JSON.stringify({ env: environment(), sources: sources() }),
    prepare: async () => undefined,
    async launchSpec(): Promise<LaunchSpec> {
      return {
        command: process.execPath,
        args: ['--enable-source-maps', '--import', 'tsx', simulatorEntry(settings)],
        env: { ...env, ...environment() },
        cwd: paths.repoRoot,
      };
    },
    isReady: () => httpOk(`${url}/health`),
  };
}
