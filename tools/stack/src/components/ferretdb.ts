import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { mongoReady } from '../probes';
import { LaunchSpec } from '../process-manager';
import { StackSettings } from '../settings';
import { Component } from './component';
import { buildFerretdb, ferretdbBinary } from './ferretdb-build';
import { DbBackend } from './postgres-binaries';
import { FERRETDB_DATABASE } from './postgres';

/** FerretDB: the MongoDB wire protocol in front of PostgreSQL (or SQLite as a fallback). */
export function ferretdbComponent(settings: StackSettings, backend: DbBackend): Component {
  const { ports, paths, env } = settings;
  const url = settings.external.mongoUrl ?? `mongodb://127.0.0.1:${ports.mongo}`;
  const sqliteDir = join(paths.dataDir, 'ferretdb-sqlite');
  const stateDir = join(paths.dataDir, 'ferretdb-state');
  const handlerArgs =
    backend.kind === 'postgresql'
      ? [
          '--handler=postgresql',
          `--postgresql-url=postgres://postgres@127.0.0.1:${ports.postgres}/${FERRETDB_DATABASE}`,
        ]
      : ['--handler=sqlite', `--sqlite-url=file:${sqliteDir}/`];

  return {
    name: 'ferretdb',
    kind: 'infra',
    external: settings.external.mongoUrl
      ? { url: settings.external.mongoUrl, variable: 'MONGO_URL' }
      : undefined,
    dependsOn: backend.kind === 'postgresql' ? ['postgres'] : [],
    ports: [
      { port: ports.mongo, hint: 'set MONGO_PORT or MONGO_URL' },
      { port: ports.ferretdbDebug, hint: 'set FERRETDB_DEBUG_PORT' },
    ],
    url,
    readyTimeoutMs: 30_000,
    heavyBuild: true,
    fingerprint: () => JSON.stringify({ port: ports.mongo, handlerArgs }),
    async prepare() {
      await buildFerretdb(settings);
    },
    async launchSpec(): Promise<LaunchSpec> {
      mkdirSync(stateDir, { recursive: true });
      if (backend.kind === 'sqlite') mkdirSync(sqliteDir, { recursive: true });
      return {
        command: ferretdbBinary(settings),
        args: [
          ...handlerArgs,
          `--listen-addr=127.0.0.1:${ports.mongo}`,
          `--state-dir=${stateDir}`,
          '--telemetry=disable',
          // Metrics (commands served, for the benchmark) and Go pprof, on loopback only.
          `--debug-addr=127.0.0.1:${ports.ferretdbDebug}`,
          // warn logs every client's unsupported endSessions on disconnect; errors still show.
          '--log-level=error',
        ],
        env,
        cwd: paths.stackDir,
      };
    },
    isReady: () => mongoReady(url),
  };
}
