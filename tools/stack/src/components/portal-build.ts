import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withFileLock } from '../file-lock';
import { runStep } from '../run-command';
import { StackError } from '../errors';
import { StackSettings } from '../settings';
import { newestMtime } from './app-build';

/** Where the gateway serves the portal from (its PortalModule's default, `WEB_DIST_DIR`). */
export function portalDistDir(settings: StackSettings): string {
  return join(settings.paths.repoRoot, 'dist', 'web');
}

export function portalIndex(settings: StackSettings): string {
  return join(portalDistDir(settings), 'index.html');
}

/**
 * When the last portal build started. Vite empties dist/web on every build, so the stamp lives
 * beside it (and is never served).
 */
function builtAtFile(settings: StackSettings): string {
  return join(settings.paths.repoRoot, 'dist', '.web-built-at');
}

function lastBuiltAt(settings: StackSettings): number {
  const indexTime = statSync(portalIndex(settings)).mtimeMs;
  try {
    return Math.max(indexTime, Number(readFileSync(builtAtFile(settings), 'utf8')) || 0);
  } catch {
    return indexTime;
  }
}

/** Why the portal must be (re)built, or undefined when dist/web is newer than its sources. */
export function portalBuildReason(settings: StackSettings): string | undefined {
  const root = settings.paths.repoRoot;
  if (!existsSync(portalIndex(settings))) return 'not built yet';
  // The pages import the shared reference data (countries, identifiers) from libs/contracts.
  const sources = [join(root, 'apps', 'web'), join(root, 'libs', 'contracts', 'src', 'reference')];
  return Math.max(...sources.map(newestMtime)) > lastBuiltAt(settings)
    ? 'sources changed since the last build'
    : undefined;
}

/**
 * Builds the React portal with Vite into dist/web when it is missing or older than its sources,
 * so the gateway that `up` starts always has pages to serve. One build at a time across
 * processes (a test run and `npm start` may ask together).
 */
export async function buildPortalIfStale(settings: StackSettings): Promise<void> {
  const root = settings.paths.repoRoot;
  if (!existsSync(join(root, 'apps', 'web', 'index.html'))) {
    if (existsSync(portalIndex(settings))) return; // built elsewhere, sources not here
    throw new StackError('portal: apps/web is missing and dist/web has no build to serve');
  }
  if (!portalBuildReason(settings)) return;
  await withFileLock(
    join(settings.paths.cacheDir, 'locks', 'build-web.lock'),
    'build portal',
    async () => {
      const reason = portalBuildReason(settings);
      if (!reason) return;
      const startedAt = Date.now();
      await runStep({
        component: 'portal',
        title: `building the web portal with vite (${reason})`,
        command: process.execPath,
        args: [
          join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
          'build',
          '--config',
          join(root, 'apps', 'web', 'vite.config.ts'),
        ],
        cwd: root,
        env: settings.env,
        logFile: join(settings.paths.logsDir, 'build-web.log'),
        stream: settings.verbose,
      });
      if (!existsSync(portalIndex(settings))) {
        throw new StackError(`portal: vite build finished but ${portalIndex(settings)} is missing`);
      }
      writeFileSync(builtAtFile(settings), String(startedAt));
    },
  );
}
