import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const WEB_DIST_DIR = path.join(REPO_ROOT, 'dist/web');
const WEB_SOURCE_DIR = path.join(REPO_ROOT, 'apps/web');

/** Newest modification time of the web sources, so an edited page is never tested from a stale build. */
function newestSourceChange(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name);
    const changed = entry.isDirectory() ? newestSourceChange(full) : statSync(full).mtimeMs;
    return Math.max(newest, changed);
  }, 0);
}

/** Builds apps/web into dist/web when the build is missing or older than its sources. */
export function ensureWebBuild(): void {
  const indexFile = path.join(WEB_DIST_DIR, 'index.html');
  if (existsSync(indexFile) && statSync(indexFile).mtimeMs >= newestSourceChange(WEB_SOURCE_DIR))
    return;
  try {
    execFileSync('npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts'], {
      cwd: REPO_ROOT,
      stdio: 'pipe',
      timeout: 120_000,
    });
  } catch (error) {
    const output = (error as { stderr?: Buffer; stdout?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`building the web portal failed: ${output || (error as Error).message}`);
  }
}
