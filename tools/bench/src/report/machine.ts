import { execFileSync } from 'node:child_process';
import { cpus, totalmem, release, platform } from 'node:os';

/** The machine and revision a result belongs to, so runs can be compared over time. */
export interface MachineInfo {
  revision: string;
  cpuModel: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
}

export function describeMachine(): MachineInfo {
  let revision = 'unknown';
  try {
    revision = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
    }).trim();
    if (dirty) revision += '-dirty';
  } catch {
    // not a git checkout
  }
  return {
    revision,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${platform()} ${release()}`,
    node: process.version,
  };
}
