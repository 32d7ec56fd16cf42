import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { withFileLock } from '../file-lock';
import { requireGo } from '../prerequisites';
import { runStep } from '../run-command';
import { StackSettings } from '../settings';
import { isBuilt, markBuilt } from './build-stamp';
import { GO_DOWNLOAD_LINE, goBuildEnv } from './go-build';

export const MAILPIT_VERSION = 'v1.33.1';

export function mailpitBinary(settings: StackSettings): string {
  return join(settings.paths.cacheBinDir, 'mailpit');
}

/** `go install` into a staging GOBIN, then moved into .cache/bin, so a broken build never replaces a good one. */
export async function buildMailpit(settings: StackSettings): Promise<string> {
  const binary = mailpitBinary(settings);
  const stamp = join(settings.paths.cacheDir, 'mailpit', 'build.stamp');
  if (isBuilt(stamp, MAILPIT_VERSION, binary)) return binary;
  return withFileLock(
    join(settings.paths.cacheDir, 'locks', 'mailpit.lock'),
    'mailpit build',
    async () => {
      if (isBuilt(stamp, MAILPIT_VERSION, binary)) return binary;
      requireGo(settings.env);
      const staging = join(settings.paths.cacheDir, 'mailpit', 'gobin');
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(staging, { recursive: true });
      mkdirSync(settings.paths.cacheBinDir, { recursive: true });
      await runStep({
        component: 'mailpit',
        title: `building Mailpit ${MAILPIT_VERSION} with go install`,
        note: 'the first build takes about 3 min',
        command: 'go',
        args: ['install', `github.com/axllent/mailpit@${MAILPIT_VERSION}`],
        cwd: join(settings.paths.cacheDir, 'mailpit'),
        env: goBuildEnv(settings, { GOBIN: staging }),
        logFile: join(settings.paths.logsDir, 'mailpit-build.log'),
        countPattern: GO_DOWNLOAD_LINE,
        countLabel: 'modules downloaded',
        stream: settings.verbose,
        notFound: 'Go not found: install golang (1.21+)',
      });
      renameSync(join(staging, 'mailpit'), binary);
      rmSync(staging, { recursive: true, force: true });
      markBuilt(stamp, MAILPIT_VERSION);
      return binary;
    },
  );
}
