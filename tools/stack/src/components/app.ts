import { statSync } from 'node:fs';
import { ServiceName, servicePort } from '../../../../libs/service-kit/src/config';
import { httpOk } from '../probes';
import { LaunchSpec } from '../process-manager';
import {
  APP_NAMES,
  ComponentName,
  infraUrls,
  InfraUrls,
  instancesOf,
  StackSettings,
} from '../settings';
import { instanceName, replicaPort, StackShape } from '../shape';
import { ACCESS_LINK_KEY_APPS, stackAccessLinkKey } from '../access-link-key';
import { Component } from './component';
import { replicationFor } from './kafka-config';
import { appEntry, buildAppIfStale } from './app-build';
import { buildPortalIfStale } from './portal-build';

/** Every app gets every service's port, so the gateway finds the others. */
function portEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    APP_NAMES.map((app) => [`${app.toUpperCase()}_PORT`, String(servicePort(app, env))]),
  );
}

export interface IdentityEnv {
  BOOTSTRAP_ADMIN_EMAIL: string;
  BOOTSTRAP_ADMIN_PASSWORD: string;
  PORTAL_URL: string;
  REGISTRATION_UNLIMITED_ADDRESSES?: string;
}

/**
 * Local-stack defaults for identity: the first admin (created at start when missing — the
 * demo and test suites sign in with it) and the portal address used in emailed links.
 * Development credentials only; production sets its own through a secret.
 */
/**
 * `STACK_CPU_PROFILE_DIR=<dir>`: apps started now write a V8 CPU profile there when they stop
 * (`--cpu-prof`; Node refuses it in NODE_OPTIONS). Open it in Chrome DevTools or speedscope.
 */
export function profileArgs(env: NodeJS.ProcessEnv): string[] {
  const dir = env.STACK_CPU_PROFILE_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

export function identityEnv(env: NodeJS.ProcessEnv): IdentityEnv {
  return {
    BOOTSTRAP_ADMIN_EMAIL: env.BOOTSTRAP_ADMIN_EMAIL ?? 'admin@metered.local',
    BOOTSTRAP_ADMIN_PASSWORD: env.BOOTSTRAP_ADMIN_PASSWORD ?? 'Metered-Admin-2026!',
    PORTAL_URL: env.PORTAL_URL ?? `http://127.0.0.1:${servicePort('gateway', env)}`,
    // Part of the app's settings (and so of its fingerprint): a test run or the bench that
    // exempts loopback from the registration limit restarts an identity started without it.
    ...(env.REGISTRATION_UNLIMITED_ADDRESSES !== undefined
      ? { REGISTRATION_UNLIMITED_ADDRESSES: env.REGISTRATION_UNLIMITED_ADDRESSES }
      : {}),
  };
}

/**
 * The gateway's `<SERVICE>_UPSTREAMS`: every replica of every backend, comma separated (the
 * gateway balances over them). Only set when the shape has more than one replica.
 */
export function upstreamEnv(env: NodeJS.ProcessEnv, shape: StackShape): Record<string, string> {
  if (shape.replicas === 1) return {};
  return Object.fromEntries(
    APP_NAMES.filter((app) => app !== 'gateway').map((app) => [
      `${app.toUpperCase()}_UPSTREAMS`,
      Array.from(
        { length: shape.replicas },
        (_, at) => `http://127.0.0.1:${replicaPort(servicePort(app, env), at + 1)}`,
      ).join(','),
    ]),
  );
}

/**
 * What replica `index` of `name` gets on top of the shared environment: its own port
 * (port + 50 from the second on) and, for the gateway, the list of all replicas of the others.
 */
export function replicaEnv(
  settings: StackSettings,
  name: ServiceName,
  index: number,
): Record<string, string> {
  return {
    ...(index > 1
      ? {
          [`${name.toUpperCase()}_PORT`]: String(
            replicaPort(servicePort(name, settings.env), index),
          ),
        }
      : {}),
    ...(name === 'gateway' ? upstreamEnv(settings.env, settings.shape) : {}),
    ...(ACCESS_LINK_KEY_APPS.includes(name)
      ? { ACCESS_LINK_KEY: stackAccessLinkKey(settings.env, settings.paths) }
      : {}),
  };
}

/** The environment an app is started with: infrastructure URLs, database prefix, ports. */
export function appEnvironment(
  settings: StackSettings,
): InfraUrls & { MONGO_DB_PREFIX: string } & Record<string, string> {
  return {
    ...infraUrls(settings),
    MONGO_DB_PREFIX: settings.mongoDbPrefix,
    ...portEnv(settings.env),
    ...identityEnv(settings.env),
    ...replicationEnv(settings),
  };
}

/**
 * On a local cluster of several brokers the services create their topics with replication
 * factor min(3, brokers) (and min.insync.replicas 2 from 3 on); one broker keeps the default.
 */
function replicationEnv(settings: StackSettings): Record<string, string> {
  if (settings.external.kafkaBrokers || settings.shape.brokers === 1) return {};
  return {
    KAFKA_REPLICATION_FACTOR:
      settings.env.KAFKA_REPLICATION_FACTOR ??
      String(replicationFor(settings.shape.brokers).factor),
  };
}

/**
 * A NestJS service run from its webpack bundle; ready when GET /health/ready answers 200.
 * Replica `index` (2…) is the same bundle on port + 50·(index-1), with its own pid and log.
 */
export function appComponent(settings: StackSettings, name: ServiceName, index = 1): Component {
  const port = replicaPort(servicePort(name, settings.env), index);
  const url = `http://127.0.0.1:${port}`;
  const own = replicaEnv(settings, name, index);
  const environment = () => ({ ...appEnvironment(settings), ...own });
  const infra: ComponentName[] = [...instancesOf('kafka', settings.shape), 'ferretdb', 'mailpit'];
  const builtAt = (): number => {
    try {
      return statSync(appEntry(settings, name)).mtimeMs;
    } catch {
      return 0;
    }
  };

  return {
    name: instanceName(name, index),
    kind: 'app',
    // The gateway fronts the others (every replica of them), so it comes last.
    dependsOn:
      name === 'gateway'
        ? [
            ...infra,
            ...APP_NAMES.filter((app) => app !== 'gateway').flatMap((app) =>
              instancesOf(app, settings.shape),
            ),
          ]
        : infra,
    ports: [{ port, hint: `set ${name.toUpperCase()}_PORT` }],
    url,
    readyTimeoutMs: 60_000,
    heavyBuild: true,
    // A new build or other settings (e.g. the test database prefix) means a restart.
    fingerprint: () => JSON.stringify({ env: environment(), builtAt: builtAt() }),
    // The gateway serves the portal from dist/web: without a build every page is a 404.
    prepare: async () => {
      await buildAppIfStale(settings, name);
      if (name === 'gateway') await buildPortalIfStale(settings);
    },
    async launchSpec(): Promise<LaunchSpec> {
      return {
        command: process.execPath,
        args: ['--enable-source-maps', ...profileArgs(settings.env), appEntry(settings, name)],
        env: { ...settings.env, ...environment() },
        cwd: settings.paths.repoRoot,
      };
    },
    isReady: () => httpOk(`${url}/health/ready`),
  };
}
