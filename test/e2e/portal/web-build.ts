import path from 'node:path';
import { buildPortalIfStale } from '../../../tools/stack/src/components/portal-build';
import { readSettings } from '../../../tools/stack/src/settings';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const WEB_DIST_DIR = path.join(REPO_ROOT, 'dist/web');

/**
 * Builds apps/web into dist/web when the build is missing or older than its sources — the same
 * rule and the same lock as the stack's `up`, so an edited page is never tested from a stale build.
 */
export async function ensureWebBuild(): Promise<void> {
  await buildPortalIfStale(readSettings());
}
