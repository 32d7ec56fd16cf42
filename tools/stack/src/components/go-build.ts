import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StackSettings } from '../settings';

/**
 * Environment for Go builds in .cache: no VCS stamping (the sources sit inside this git
 * repository, or in a copy without .git) and no cgo, so no C compiler is needed.
 */
export function goBuildEnv(
  settings: StackSettings,
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  const flags = [settings.env.GOFLAGS, '-buildvcs=false'].filter(Boolean).join(' ');
  return { ...settings.env, GOFLAGS: flags, CGO_ENABLED: '0', ...extra };
}

export const GO_DOWNLOAD_LINE = /go: downloading/;

/** Files copied out of the Go module cache are read-only; make a copy writable again. */
export function makeWritable(dir: string): void {
  chmodSync(dir, statSync(dir).mode | 0o200);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(path);
    else if (entry.isFile()) chmodSync(path, statSync(path).mode | 0o200);
  }
}
