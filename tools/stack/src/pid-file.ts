import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the stack knows about a process it started. The start time (from /proc) guards
 * against a recycled pid: we never signal a process we cannot prove is ours.
 */
export interface PidRecord {
  name: string;
  pid: number;
  /** Field 22 of /proc/<pid>/stat; undefined where /proc does not exist. */
  startTicks?: string;
  startedAt: string;
  command: string;
  ports: number[];
  logFile: string;
  /** Settings the process was started with; a difference means `up` must restart it. */
  fingerprint: string;
  /** Test session that started it (STACK_SESSION), so the teardown stops only its own. */
  session?: string;
}

function pidFilePath(pidsDir: string, name: string): string {
  return join(pidsDir, `${name}.json`);
}

export function readPidRecord(pidsDir: string, name: string): PidRecord | undefined {
  const file = pidFilePath(pidsDir, name);
  if (!existsSync(file)) return undefined;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as PidRecord;
    return Number.isInteger(record.pid) && record.pid > 0 ? record : undefined;
  } catch {
    return undefined; // a half-written or corrupt file is treated as no record
  }
}

export function writePidRecord(pidsDir: string, record: PidRecord): void {
  mkdirSync(pidsDir, { recursive: true });
  writeFileSync(pidFilePath(pidsDir, record.name), `${JSON.stringify(record, null, 2)}\n`);
}

export function removePidRecord(pidsDir: string, name: string): void {
  rmSync(pidFilePath(pidsDir, name), { force: true });
}

export function listPidRecords(pidsDir: string): PidRecord[] {
  if (!existsSync(pidsDir)) return [];
  return readdirSync(pidsDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => readPidRecord(pidsDir, file.slice(0, -'.json'.length)))
    .filter((record): record is PidRecord => record !== undefined);
}

interface ProcStat {
  state: string;
  startTicks: string;
}

function readProcStat(pid: number): ProcStat | undefined | null {
  if (!existsSync('/proc/self/stat')) return null; // no procfs: cannot tell
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses; fields resume after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], startTicks: fields[19] };
  } catch {
    return undefined;
  }
}

/**
 * Whether any live process (not a zombie waiting to be reaped) is left in process group
 * `pgid`. A zombie still counts for kill(-pgid, 0), and in containers whose init reaps
 * slowly that made every stop wait a second or more, hence /proc where it exists.
 */
export function processGroupAlive(pgid: number): boolean {
  if (!existsSync('/proc/self/stat')) {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') return true;
    } catch {
      // the process ended while we looked
    }
  }
  return false;
}

export function processStartTicks(pid: number): string | undefined {
  return readProcStat(pid)?.startTicks;
}

/** True while the process exists, is not a zombie, and is the one the record describes. */
export function isRecordAlive(record: Pick<PidRecord, 'pid' | 'startTicks'>): boolean {
  const stat = readProcStat(record.pid);
  if (stat === null) {
    try {
      process.kill(record.pid, 0);
      return true;
    } catch {
      return false;
    }
  }
  if (!stat || stat.state === 'Z' || stat.state === 'X') return false;
  return record.startTicks === undefined || record.startTicks === stat.startTicks;
}
