import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StackError } from '../errors';
import { REPO_ROOT } from '../paths';
import { postgresReady } from '../probes';
import { LaunchSpec } from '../process-manager';
import { step, warn } from '../progress';
import { runStep } from '../run-command';
import { StackSettings } from '../settings';
import { Component } from './component';
import { PostgresInstall } from './postgres-binaries';

export const FERRETDB_DATABASE = 'ferretdb';

/** Companion GIN indexes for FerretDB's `_jsonb -> 'field' @> value` filters. */
export const PUSHDOWN_INDEXES_SQL = join(
  REPO_ROOT,
  'tools/stack/postgres/ferretdb-pushdown-indexes.sql',
);

/**
 * .stack/data/postgres, unless the OS user PostgreSQL runs as cannot reach .stack (a clone
 * under /root as root, say): then a folder of this stack in the temp dir, with a notice.
 */
function postgresDataDir(settings: StackSettings, install: PostgresInstall): string {
  const preferred = join(settings.paths.dataDir, 'postgres');
  if (!install.runAs) return preferred;
  mkdirSync(settings.paths.dataDir, { recursive: true });
  const reachable = spawnSync('/bin/sh', ['-c', 'cd "$0"', settings.paths.dataDir], {
    uid: install.runAs.uid,
    gid: install.runAs.gid,
    stdio: 'ignore',
  });
  if (reachable.status === 0) return preferred;
  const id = createHash('sha256').update(settings.paths.stackDir).digest('hex').slice(0, 8);
  const fallback = join(tmpdir(), `metered-stack-${id}`, 'postgres');
  mkdirSync(join(fallback, '..'), { recursive: true, mode: 0o755 });
  chmodSync(join(fallback, '..'), 0o755);
  if (!existsSync(fallback)) {
    warn(
      `postgres: user ${install.runAs.user} cannot reach ${settings.paths.dataDir}; its data goes to ${fallback}`,
    );
  }
  return fallback;
}

/**
 * PostgreSQL as FerretDB's backend: a private cluster in .stack/data/postgres on loopback,
 * trust auth (nothing but this machine can reach it), no Unix socket so it never touches
 * /var/run/postgresql or a system cluster.
 */
export function postgresComponent(settings: StackSettings, install: PostgresInstall): Component {
  const { ports, paths, env } = settings;
  let resolvedDataDir: string | undefined;
  // Decided on first use only: `status` must not create folders.
  const dataDir = (): string => (resolvedDataDir ??= postgresDataDir(settings, install));
  const bin = (tool: string): string => join(install.binDir, tool);
  const asUser = { uid: install.runAs?.uid, gid: install.runAs?.gid };
  const pgEnv = (): NodeJS.ProcessEnv => ({
    ...env,
    HOME: dataDir(),
    PGHOST: '127.0.0.1',
    PGPORT: String(ports.postgres),
    PGUSER: 'postgres',
  });

  function ensureDataDir(): void {
    mkdirSync(dataDir(), { recursive: true });
    if (install.runAs) chownSync(dataDir(), install.runAs.uid, install.runAs.gid);
    chmodSync(dataDir(), 0o700);
  }

  return {
    name: 'postgres',
    kind: 'infra',
    dependsOn: [],
    ports: [{ port: ports.postgres, hint: 'set POSTGRES_PORT or STACK_DB_BACKEND=sqlite' }],
    url: `postgres://postgres@127.0.0.1:${ports.postgres}/${FERRETDB_DATABASE}`,
    readyTimeoutMs: 30_000,
    heavyBuild: false,
    fingerprint: () =>
      JSON.stringify({ port: ports.postgres, binDir: install.binDir, dataDir: dataDir() }),
    async prepare() {
      if (!existsSync(bin('initdb')))
        throw new StackError(
          `PostgreSQL's initdb missing in ${install.binDir}: install postgresql`,
        );
    },
    async launchSpec(): Promise<LaunchSpec> {
      ensureDataDir();
      if (!existsSync(join(dataDir(), 'PG_VERSION'))) {
        await runStep({
          component: 'postgres',
          title: 'creating the database cluster (initdb)',
          command: bin('initdb'),
          args: ['-D', dataDir(), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'],
          cwd: dataDir(),
          env: pgEnv(),
          logFile: join(paths.logsDir, 'postgres-initdb.log'),
          ...asUser,
        });
      }
      return {
        command: bin('postgres'),
        args: [
          '-D',
          dataDir(),
          '-h',
          '127.0.0.1',
          '-p',
          String(ports.postgres),
          '-k',
          '',
          // A dev/test database: losing the last few commits on a crash is fine, waiting on fsync is not.
          '-c',
          'synchronous_commit=off',
          // FerretDB names the jsonb key as a parameter; only a custom plan can match it to
          // the expression indexes of ferretdb-pushdown-indexes.sql.
          '-c',
          'plan_cache_mode=force_custom_plan',
        ],
        env: pgEnv(),
        cwd: dataDir(),
        ...asUser,
      };
    },
    isReady: () => postgresReady(bin('pg_isready'), ports.postgres),
    async afterReady() {
      const psql = spawnSync(
        bin('psql'),
        [
          '-d',
          'postgres',
          '-tAc',
          `SELECT 1 FROM pg_database WHERE datname = '${FERRETDB_DATABASE}'`,
        ],
        {
          env: pgEnv(),
          encoding: 'utf8',
        },
      );
      if (psql.status !== 0)
        throw new StackError(
          `postgres: could not list databases: ${(psql.stderr ?? '').trim() || psql.error?.message}`,
        );
      if (psql.stdout.trim() !== '1') {
        step('postgres', `creating database ${FERRETDB_DATABASE}`);
        const created = spawnSync(bin('createdb'), [FERRETDB_DATABASE], {
          env: pgEnv(),
          encoding: 'utf8',
        });
        if (created.status !== 0)
          throw new StackError(
            `postgres: createdb ${FERRETDB_DATABASE} failed: ${(created.stderr ?? '').trim() || created.error?.message}`,
          );
      }
      // Indexes FerretDB's pushed-down equality filters can use (see the SQL file).
      const indexes = spawnSync(
        bin('psql'),
        ['-d', FERRETDB_DATABASE, '-q', '-v', 'ON_ERROR_STOP=1', '-f', PUSHDOWN_INDEXES_SQL],
        { env: { ...pgEnv(), PGOPTIONS: '-c client_min_messages=warning' }, encoding: 'utf8' },
      );
      if (indexes.status !== 0)
        throw new StackError(
          `postgres: applying ${PUSHDOWN_INDEXES_SQL} failed: ${(indexes.stderr ?? '').trim() || indexes.error?.message}`,
        );
    },
  };
}
