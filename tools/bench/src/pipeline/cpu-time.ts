import { readFileSync } from 'node:fs';
import { StackProcess } from './stack-processes';

/** Clock ticks per second of /proc's times (USER_HZ, 100 on every Linux we run on). */
const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function liveChildren(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(' ')
      .map(Number)
      .filter((child) => Number.isInteger(child) && child > 0);
  } catch {
    return [];
  }
}

/**
 * CPU-seconds a process has used so far with all its descendants: its own user + system time,
 * that of the children it has reaped (PostgreSQL's finished backends), and the live ones'.
 * Undefined when the process is gone or there is no /proc.
 */
export function cpuSecondsOf(pid: number, depth = 0): number | undefined {
  const fields = statFields(pid);
  if (!fields) return undefined;
  // after the command: state(0) … utime(11) stime(12) cutime(13) cstime(14)
  let ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  if (depth < 3)
    for (const child of liveChildren(pid))
      ticks += (cpuSecondsOf(child, depth + 1) ?? 0) * TICKS_PER_SECOND;
  return ticks / TICKS_PER_SECOND;
}

/** CPU-seconds of every stack process at one moment, by process name. */
export type CpuSnapshot = Record<string, { component: string; seconds: number }>;

export function cpuSnapshot(processes: readonly StackProcess[]): CpuSnapshot {
  const snapshot: CpuSnapshot = {};
  for (const p of processes) {
    const seconds = cpuSecondsOf(p.pid);
    if (seconds !== undefined) snapshot[p.name] = { component: p.component, seconds };
  }
  return snapshot;
}

/** CPU-seconds each component used between two snapshots, summed over its processes. */
export function cpuSecondsByComponent(
  before: CpuSnapshot,
  after: CpuSnapshot,
): Record<string, number> {
  const used: Record<string, number> = {};
  for (const [name, end] of Object.entries(after)) {
    const start = before[name];
    if (!start || end.seconds < start.seconds) continue; // restarted in between: not comparable
    used[end.component] = (used[end.component] ?? 0) + (end.seconds - start.seconds);
  }
  return used;
}
