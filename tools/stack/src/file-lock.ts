import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { StackError } from './errors';
import { isRecordAlive, processStartTicks } from './pid-file';
import { info } from './progress';
import { sleep } from './wait';

interface LockOwner {
  pid: number;
  startTicks?: string;
  what: string;
}

function tryAcquire(file: string, what: string): LockOwner | undefined {
  try {
    const fd = openSync(file, 'wx');
    const owner: LockOwner = { pid: process.pid, startTicks: processStartTicks(process.pid), what };
    writeSync(fd, JSON.stringify(owner));
    closeSync(fd);
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return { pid: 0, what: 'unknown' }; // being written right now, or garbage
  }
}

const held = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` while holding a lock file, so two stack commands (a person's `up` and a test
 * run, or two builds sharing .cache) never start or build the same thing at once. A lock
 * left by a dead process is taken over. Calls in the same process queue up behind each other.
 */
export async function withFileLock<T>(
  file: string,
  what: string,
  fn: () => Promise<T>,
): Promise<T> {
  const previous = held.get(file) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => lockAndRun(file, what, fn));
  held.set(file, run);
  try {
    return await run;
  } finally {
    if (held.get(file) === run) held.delete(file);
  }
}

async function lockAndRun<T>(file: string, what: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(file), { recursive: true });
  const deadline = Date.now() + 30 * 60 * 1000;
  let announced = false;
  let unreadableSince: number | undefined;
  for (;;) {
    const owner = tryAcquire(file, what);
    if (!owner) break;
    const ownerAlive = owner.pid > 0 && owner.pid !== process.pid && isRecordAlive(owner);
    if (owner.pid === 0) unreadableSince ??= Date.now();
    const staleUnreadable = unreadableSince !== undefined && Date.now() - unreadableSince > 5000;
    if (!ownerAlive && (owner.pid !== 0 || staleUnreadable)) {
      rmSync(file, { force: true }); // its owner died without cleaning up
      continue;
    }
    if (!announced && owner.pid > 0) {
      info(`waiting for another stack command to finish (pid ${owner.pid}: ${owner.what})…`);
      announced = true;
    }
    if (Date.now() > deadline) {
      throw new StackError(`gave up waiting for the lock ${file} held by pid ${owner.pid}`);
    }
    await sleep(250);
  }
  try {
    return await fn();
  } finally {
    rmSync(file, { force: true });
  }
}
