import { Component } from './components/component';
import { logFileOf } from './log-file';
import { displayPath } from './paths';
import { isRecordAlive, readPidRecord } from './pid-file';
import { info, warn } from './progress';
import { Stack } from './stack';

/**
 * `up` without --detach: keeps the terminal, reports a process that dies, and on Ctrl-C or
 * SIGTERM stops every component it brought up before exiting.
 */
export function runForeground(stack: Stack, components: readonly Component[]): Promise<number> {
  const ours = components
    .filter((component) => !component.external)
    .map((component) => component.name);
  const reported = new Set<string>();
  info('\nstack running in the foreground — press Ctrl-C to stop it (or run `npm stop` elsewhere)');
  const watcher = setInterval(() => {
    for (const name of ours) {
      const record = readPidRecord(stack.settings.paths.pidsDir, name);
      const alive = record !== undefined && isRecordAlive(record);
      if (!alive && !reported.has(name)) {
        reported.add(name);
        warn(`${name} is no longer running — see ${displayPath(logFileOf(stack.settings, name))}`);
      }
      if (alive) reported.delete(name);
    }
  }, 3000);
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) {
        info('still stopping…');
        return;
      }
      stopping = true;
      clearInterval(watcher);
      info(`\n${signal}: stopping the stack…`);
      stack
        .down(ours)
        .then(() => resolve(0))
        .catch((error: unknown) => {
          warn(
            `could not stop everything: ${error instanceof Error ? error.message : String(error)}`,
          );
          resolve(1);
        });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
