import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { StackError } from './errors';
import { logFileOf, tailLines } from './log-file';
import { displayPath } from './paths';
import { StackSettings } from './settings';
import { sleep } from './wait';

function readFrom(file: string, position: number, size: number): Buffer {
  const buffer = Buffer.alloc(size - position);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, position);
  } finally {
    closeSync(fd);
  }
  return buffer;
}

/** `logs <name> [-f]`: the last lines of a component's (or build step's) log, then new output. */
export async function showLogs(
  settings: StackSettings,
  name: string,
  follow: boolean,
  lines: number,
): Promise<void> {
  const file = logFileOf(settings, name);
  if (!existsSync(file)) throw new StackError(`no log for ${name} yet (${displayPath(file)})`);
  const last = tailLines(file, lines, Math.max(64 * 1024, lines * 400));
  if (last.length) process.stdout.write(`${last.join('\n')}\n`);
  if (!follow) return;
  let position = statSync(file).size;
  for (;;) {
    await sleep(500);
    if (!existsSync(file)) continue;
    const size = statSync(file).size;
    if (size < position) position = 0; // rotated or truncated: start over
    if (size > position) {
      process.stdout.write(readFrom(file, position, size));
      position = size;
    }
  }
}
