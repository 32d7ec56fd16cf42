import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceName } from '../../../../libs/service-kit/src/config';
import { StackError } from '../errors';
import { withFileLock } from '../file-lock';
import { runStep } from '../run-command';
import { StackSettings } from '../settings';

export function appEntry(settings: StackSettings, name: ServiceName): string {
  return join(settings.paths.repoRoot, 'dist', 'apps', name, 'main.js');
}

/**
 * When the last build of this app started. webpack does not rewrite a main.js whose content
 * did not change, so its mtime alone would make every touched source look unbuilt forever.
 */
function builtAtFile(settings: StackSettings, name: ServiceName): string {
  return join(settings.paths.repoRoot, 'dist', 'apps', name, '.stack-built-at');
}

function lastBuiltAt(settings: StackSettings, name: ServiceName): number {
  const entryTime = statSync(appEntry(settings, name)).mtimeMs;
  try {
    return Math.max(entryTime, Number(readFileSync(builtAtFile(settings, name), 'utf8')) || 0);
  } catch {
    return entryTime;
  }
}

const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git']);

/** Newest modification time below a path (files and folders; node_modules, dist and .git left out). */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's mtime
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIPPED_DIRS.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Why the app must be (re)built, or undefined when dist is newer than everything it is built from. */
export function buildReason(settings: StackSettings, name: ServiceName): string | undefined {
  const root = settings.paths.repoRoot;
  const entry = appEntry(settings, name);
  if (!existsSync(entry)) return 'not built yet';
  const sources = [
    join(root, 'apps', name),
    join(root, 'libs'),
    join(root, 'tsconfig.json'),
    join(root, 'tsconfig.build.json'),
    join(root, 'nest-cli.json'),
  ];
  return Math.max(...sources.map(newestMtime)) > lastBuiltAt(settings, name)
    ? 'sources changed since the last build'
    : undefined;
}

/** Builds one service with the Nest CLI (webpack) into dist/apps/<name>/main.js when it is stale. */
export async function buildAppIfStale(settings: StackSettings, name: ServiceName): Promise<void> {
  const root = settings.paths.repoRoot;
  if (!existsSync(join(root, 'apps', name, 'src', 'main.ts'))) {
    if (existsSync(appEntry(settings, name))) return; // built elsewhere, sources not here: run what exists
    throw new StackError(
      `${name}: apps/${name}/src/main.ts does not exist yet — nothing to build or start (use --infra-only)`,
    );
  }
  if (!buildReason(settings, name)) return;
  await withFileLock(
    join(settings.paths.cacheDir, 'locks', `build-${name}.lock`),
    `build ${name}`,
    async () => {
      const reason = buildReason(settings, name);
      if (!reason) return;
      const startedAt = Date.now();
      await runStep({
        component: name,
        title: `building with nest build (${reason})`,
        command: process.execPath,
        args: [join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build', name],
        cwd: root,
        env: settings.env,
        logFile: join(settings.paths.logsDir, `build-${name}.log`),
        stream: settings.verbose,
      });
      if (!existsSync(appEntry(settings, name))) {
        throw new StackError(
          `${name}: nest build finished but ${appEntry(settings, name)} is missing`,
        );
      }
      writeFileSync(builtAtFile(settings, name), String(startedAt));
    },
  );
}
