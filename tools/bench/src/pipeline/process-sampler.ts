import { readFileSync } from 'node:fs';
import pidusage from 'pidusage';

/** CPU (% of one core) and resident memory of one stack process, sampled over the run. */
export interface ProcessFigures {
  name: string;
  /** The service or infrastructure it is an instance of (replicas share it). */
  component: string;
  cpuMeanPct: number;
  cpuMaxPct: number;
  rssMaxMb: number;
  rssLastMb: number;
}

interface Sample {
  cpu: number;
  rssMb: number;
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
  private readonly components = new Map<string, string>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly processes: readonly { name: string; pid: number; component?: string }[],
  ) {
    for (const p of processes) this.components.set(p.name, p.component ?? p.name);
  }

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
      component: this.components.get(name) ?? name,
      cpuMeanPct: list.reduce((sum, s) => sum + s.cpu, 0) / list.length,
      cpuMaxPct: Math.max(...list.map((s) => s.cpu)),
      rssMaxMb: Math.max(...list.map((s) => s.rssMb)),
      rssLastMb: list[list.length - 1].rssMb,
    }));
  }
}
