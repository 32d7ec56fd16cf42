import { isAbsolute, join, relative, resolve } from 'node:path';

/** The repository root, found from this file so the CLI works from any working directory. */
export const REPO_ROOT = resolve(__dirname, '../../..');

export interface StackPaths {
  repoRoot: string;
  /** Downloads and builds that survive `down` (jars, Go binaries): `.cache/`. */
  cacheDir: string;
  cacheBinDir: string;
  /** Runtime state (`STACK_DIR`, default `.stack/`): pid files, logs, data. */
  stackDir: string;
  logsDir: string;
  pidsDir: string;
  dataDir: string;
  runDir: string;
}

export function resolveStackPaths(env: NodeJS.ProcessEnv = process.env): StackPaths {
  const stackDir = env.STACK_DIR ? resolve(env.STACK_DIR) : join(REPO_ROOT, '.stack');
  const cacheDir = env.STACK_CACHE_DIR ? resolve(env.STACK_CACHE_DIR) : join(REPO_ROOT, '.cache');
  return {
    repoRoot: REPO_ROOT,
    cacheDir,
    cacheBinDir: join(cacheDir, 'bin'),
    stackDir,
    logsDir: join(stackDir, 'logs'),
    pidsDir: join(stackDir, 'pids'),
    dataDir: join(stackDir, 'data'),
    runDir: join(stackDir, 'run'),
  };
}

/** A path as people should read it in messages: relative to where they are, when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
