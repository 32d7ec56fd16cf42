import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root, from this file's place in tools/repo-checks/. */
export const REPO_ROOT = join(__dirname, '..', '..');

const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'dist',
  'coverage',
  '.cache',
  '.stack',
  '.git',
  'test-results',
]);

/** Every file under `folder` (relative to the repository root) whose name passes `keep`, as repository-relative paths. */
export function filesUnder(folder: string, keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(join(dir, entry.name));
      } else if (keep(entry.name)) {
        found.push(relative(REPO_ROOT, join(dir, entry.name)));
      }
    }
  };
  walk(join(REPO_ROOT, folder));
  return found.sort();
}
