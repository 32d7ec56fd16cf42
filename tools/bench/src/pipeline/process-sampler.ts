import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pidusage from 'pidusage';

/** CPU (% of one core) and resident memory of one stack process, sampled over the run. */
export interface ProcessFigures {
  name: string;
  cpuMeanPct: number;
  cpuMaxPct: number;
  rssMaxMb: number;
  rssLastMb: number;
}

interface Sample {
  cpu: number;
  rssMb: number;
}

/** The stack's processes (Kafka, FerretDB, PostgreSQL, Mailpit, the apps) from its pid files. */
export function stackProcesses(pidsDir: string): { name: string; pid: number }[] {
  try {
    return readdirSync(pidsDir)
      .filter((file) => file.endsWith('.json'))
      .map(
        (file) =>
          JSON.parse(readFileSync(join(pidsDir, file), 'utf8')) as { name: string; pid: number },
      )
      .filter((record) => Number.isInteger(record.pid));
  } catch {
    return [];
  }
}

/** Direct children of a process (Linux /proc), e.g. PostgreSQL's backends; none elsewhere. */
export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(' ')
      .map(Number)
      .filter((child) => Number.isInteger(child) && child > 0);
  } catch {
    return [];
  }
}

/** Samples every stack process (with its children's CPU) once a second until stopped. */
export class ProcessSampler {
  private readonly samples = new Map<string, Sample[]>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly processes: { name: string; pid: number }[]) {}

  start(): void {
    const tick = async () => {
      for (const { name, pid } of this.processes) {
        try {
          const stat = await pidusage(pid);
          // PostgreSQL works in one backend process per connection: their CPU counts too.
          // (RSS stays the main process's: backends share their buffers with it.)
          let childCpu = 0;
          for (const child of childrenOf(pid)) {
            childCpu += await pidusage(child).then(
              (usage) => usage.cpu,
              () => 0, // a connection that just closed
            );
          }
          const list = this.samples.get(name) ?? [];
          list.push({ cpu: stat.cpu + childCpu, rssMb: stat.memory / 1024 / 1024 });
          this.samples.set(name, list);
        } catch {
          // the process is gone (restarted): nothing to sample
        }
      }
    };
    void tick();
    this.timer = setInterval(() => void tick(), 1000);
  }

  stop(): ProcessFigures[] {
    if (this.timer) clearInterval(this.timer);
    pidusage.clear();
    return [...this.samples.entries()].map(([name, list]) => ({
      name,
      cpuMeanPct: list.reduce((sum, s) => sum + s.cpu, 0) / list.length,
      cpuMaxPct: Math.max(...list.map((s) => s.cpu)),
      rssMaxMb: Math.max(...list.map((s) => s.rssMb)),
      rssLastMb: list[list.length - 1].rssMb,
    }));
  }
}
