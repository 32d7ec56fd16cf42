import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { resolveStackPaths, StackPaths } from './paths';

/**
 * The apps that hold the key of the sealed one-time links (docs/deployment.md): identity
 * seals, notifications opens. No other app gets it.
 */
export const ACCESS_LINK_KEY_APPS: readonly string[] = ['identity', 'notifications'];

/** Where this stack keeps its access-link key: next to its data, created once (mode 0600). */
export function accessLinkKeyPath(paths: StackPaths): string {
  return join(paths.dataDir, 'secrets', 'access-link-key');
}

/**
 * This stack's `ACCESS_LINK_KEY`: the caller's own when set, else 32 random bytes generated
 * on first use and kept in the stack's data directory, so every app of the stack — and the
 * tests that seal or inspect links — share one key, and no two stacks do.
 */
export function stackAccessLinkKey(
  env: NodeJS.ProcessEnv = process.env,
  paths: StackPaths = resolveStackPaths(env),
): string {
  if (env.ACCESS_LINK_KEY?.trim()) return env.ACCESS_LINK_KEY.trim();
  const path = accessLinkKeyPath(paths);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    // `wx`: two processes starting at once keep the first key instead of overwriting it.
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(path, 'utf8').trim();
}
