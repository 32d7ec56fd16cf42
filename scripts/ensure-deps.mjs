#!/usr/bin/env node
// Runs before `npm start` and `npm test`: installs node_modules with `npm ci` when they are
// missing or do not match package-lock.json, and otherwise prints nothing and exits at once.
// The lock file's hash is remembered in node_modules/.lock-hash. When that hash is missing or
// different, the installed tree (npm's node_modules/.package-lock.json) is compared with the
// lock first: if someone already installed the change (`npm install x`), no reinstall happens
// — `npm ci` deletes node_modules, which would pull the floor from under running processes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(root, 'package-lock.json');
const modules = join(root, 'node_modules');
const hashFile = join(modules, '.lock-hash');
const installedFile = join(modules, '.package-lock.json');

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when every package the lock file wants is installed in the locked version. */
function installedTreeMatches() {
  const wanted = readJson(lockFile)?.packages;
  const installed = readJson(installedFile)?.packages;
  if (!wanted || !installed) return false;
  for (const [path, entry] of Object.entries(wanted)) {
    if (path === '' || entry.link) continue;
    const present = installed[path];
    if (!present) {
      if (entry.optional || entry.devOptional || entry.peer) continue; // e.g. another platform's binary
      return false;
    }
    if (entry.version && present.version !== entry.version) return false;
  }
  return true;
}

if (!existsSync(lockFile)) {
  console.error('ensure-deps: package-lock.json is missing');
  process.exit(1);
}
const hash = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
const recorded = existsSync(hashFile) ? readFileSync(hashFile, 'utf8').trim() : undefined;
if (recorded === hash && existsSync(modules)) process.exit(0);

if (existsSync(modules) && installedTreeMatches()) {
  writeFileSync(hashFile, `${hash}\n`);
  process.exit(0);
}

console.log(
  existsSync(modules)
    ? 'ensure-deps: node_modules does not match package-lock.json — running npm ci'
    : 'ensure-deps: node_modules is missing — running npm ci',
);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
if (result.error || result.status !== 0) {
  console.error(`ensure-deps: npm ci failed${result.error ? `: ${result.error.message}` : ` (exit ${result.status})`}`);
  process.exit(1);
}
mkdirSync(modules, { recursive: true });
writeFileSync(hashFile, `${hash}\n`);
