import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StackError } from '../errors';
import { warn } from '../progress';
import { runStep } from '../run-command';
import { StackSettings } from '../settings';

export interface PostgresInstall {
  binDir: string;
  /** Set when we are root: PostgreSQL refuses to run as root, so it runs as this user. */
  runAs?: { user: string; uid: number; gid: number };
}

export type DbBackend = { kind: 'postgresql'; install: PostgresInstall } | { kind: 'sqlite' };

/** POSTGRES_BIN_DIR, else the newest Debian-style /usr/lib/postgresql/<version>/bin. */
export function findPostgresBinDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.POSTGRES_BIN_DIR) {
    return existsSync(join(env.POSTGRES_BIN_DIR, 'postgres')) ? env.POSTGRES_BIN_DIR : undefined;
  }
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((version) => existsSync(join(base, version, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : undefined;
}

function lookupUser(user: string): { user: string; uid: number; gid: number } | undefined {
  const uid = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { user, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** One attempt per machine (remembered in .cache) to install Debian's postgresql as root. */
async function tryAptInstall(settings: StackSettings): Promise<boolean> {
  const marker = join(settings.paths.cacheDir, 'postgres-apt-attempted');
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isRoot() || !hasApt || existsSync(marker)) return false;
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  const env = { ...settings.env, DEBIAN_FRONTEND: 'noninteractive' };
  const logFile = join(settings.paths.logsDir, 'postgres-apt.log');
  const install = (): Promise<unknown> =>
    runStep({
      component: 'postgres',
      title: 'installing postgresql with apt-get',
      command: 'apt-get',
      args: ['install', '-y', 'postgresql'],
      cwd: '/',
      env,
      logFile,
    });
  try {
    await install().catch(async () => {
      await runStep({
        component: 'postgres',
        title: 'apt-get update',
        command: 'apt-get',
        args: ['update'],
        cwd: '/',
        env,
        logFile,
      });
      await install();
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Which FerretDB backend to use: PostgreSQL when its binaries are here (or can be installed
 * once with apt-get), else SQLite. STACK_DB_BACKEND forces one. `mayInstall: false` (status)
 * neither installs nor prints.
 */
export async function resolveDbBackend(
  settings: StackSettings,
  options: { mayInstall: boolean },
): Promise<DbBackend> {
  if (settings.dbBackend === 'sqlite') return { kind: 'sqlite' };
  const notice = options.mayInstall ? warn : () => undefined;
  let binDir = findPostgresBinDir(settings.env);
  if (!binDir && options.mayInstall && (await tryAptInstall(settings)))
    binDir = findPostgresBinDir(settings.env);
  const forced = settings.dbBackend === 'postgresql';
  if (!binDir) {
    if (forced)
      throw new StackError(
        'PostgreSQL binaries not found (STACK_DB_BACKEND=postgresql): install postgresql',
      );
    notice(
      'PostgreSQL not found — FerretDB uses its SQLite backend (install postgresql to use PostgreSQL)',
    );
    return { kind: 'sqlite' };
  }
  if (!isRoot()) return { kind: 'postgresql', install: { binDir } };
  const runAs = lookupUser('postgres');
  if (!runAs) {
    if (forced)
      throw new StackError(
        'running as root needs the OS user "postgres" to run PostgreSQL: create it or use STACK_DB_BACKEND=sqlite',
      );
    notice('no OS user "postgres" to run PostgreSQL as — FerretDB uses its SQLite backend');
    return { kind: 'sqlite' };
  }
  return { kind: 'postgresql', install: { binDir, runAs } };
}
