import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { StackError } from './errors';
import { isRecordAlive, PidRecord, processGroupAlive, processStartTicks } from './pid-file';
import { sleep, waitUntil } from './wait';

export interface LaunchSpec {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Run as another OS user (PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
}

export interface Spawned {
  pid: number;
  startTicks?: string;
}

const MAX_LOG_BYTES = 20 * 1024 * 1024;

function openLog(logFile: string): number {
  mkdirSync(dirname(logFile), { recursive: true });
  if (existsSync(logFile) && statSync(logFile).size > MAX_LOG_BYTES) {
    renameSync(logFile, `${logFile}.1`);
  }
  return openSync(logFile, 'a');
}

/**
 * Starts a process in its own process group, detached from ours, with stdout and stderr
 * appended to its log file, so it outlives the CLI and can be stopped as a group later.
 */
export async function spawnDetached(
  name: string,
  spec: LaunchSpec,
  logFile: string,
): Promise<Spawned> {
  const fd = openLog(logFile);
  writeSync(
    fd,
    `\n===== ${new Date().toISOString()} ${name}: ${spec.command} ${spec.args.join(' ')}\n`,
  );
  try {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ['ignore', fd, fd],
      uid: spec.uid,
      gid: spec.gid,
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('spawn', () => resolve(child.pid as number));
      child.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new StackError(
            error.code === 'ENOENT'
              ? `could not start ${name}: ${spec.command} not found`
              : `could not start ${name}: ${error.message}`,
          ),
        ),
      );
    });
    child.unref();
    return { pid, startTicks: processStartTicks(pid) };
  } finally {
    closeSync(fd);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal); // the whole group: children such as PostgreSQL backends too
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

export interface StopOptions {
  signal: NodeJS.Signals;
  timeoutMs: number;
}

/**
 * Stops a process the stack started: the polite signal first, SIGKILL after the timeout,
 * then checks that nothing of its process group is left. Returns false if it was not running.
 */
export async function stopRecordedProcess(
  record: PidRecord,
  options: StopOptions,
): Promise<boolean> {
  if (!isRecordAlive(record)) return false;
  signalGroup(record.pid, options.signal);
  const exited = await waitUntil(async () => !isRecordAlive(record), {
    timeoutMs: options.timeoutMs,
    intervalMs: 100,
  });
  if (!exited || processGroupAlive(record.pid)) {
    signalGroup(record.pid, 'SIGKILL');
    const killed = await waitUntil(
      async () => !isRecordAlive(record) && !processGroupAlive(record.pid),
      {
        timeoutMs: 5000,
        intervalMs: 100,
      },
    );
    if (!killed) {
      throw new StackError(`could not stop ${record.name} (pid ${record.pid}) even with SIGKILL`);
    }
  }
  await sleep(50); // let the kernel release its ports before a restart binds them again
  return true;
}
