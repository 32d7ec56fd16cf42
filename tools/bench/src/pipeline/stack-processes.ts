import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES } from '../../../../libs/service-kit/src/config';

/** One process the stack started, and the service or infrastructure component it belongs to. */
export interface StackProcess {
  /** The pid file's name: `ordering`, or a replica's (`ordering-2`, `kafka-3`). */
  name: string;
  /** What it is an instance of: `ordering`, `kafka`, `postgres`…; replicas share it. */
  component: string;
  pid: number;
  ports: number[];
}

const INFRASTRUCTURE = ['postgres', 'ferretdb', 'kafka', 'mailpit'];
const COMPONENTS = [...SERVICE_NAMES, ...INFRASTRUCTURE];

/**
 * The component a pid file's name belongs to: the name itself, or a known component followed
 * by a separator and anything (`ordering-2`, `ordering.1`, `kafka-broker-3`); else the name.
 */
export function componentOf(name: string): string {
  return (
    COMPONENTS.find(
      (component) => name === component || new RegExp(`^${component}[^a-z]`, 'i').test(name),
    ) ?? name
  );
}

/** Whether the component is one of the Node services (gateway … operations). */
export function isService(component: string): boolean {
  return (SERVICE_NAMES as readonly string[]).includes(component);
}

/**
 * Every process of the stack from its pid files (`<stack dir>/pids/*.json`, what
 * `npm run stack -- status` reads): all replicas of a service and all Kafka brokers, not one
 * per name.
 */
export function stackProcesses(pidsDir: string): StackProcess[] {
  let files: string[];
  try {
    files = readdirSync(pidsDir).filter((file) => file.endsWith('.json'));
  } catch {
    return [];
  }
  const processes: StackProcess[] = [];
  for (const file of files) {
    try {
      const record = JSON.parse(readFileSync(join(pidsDir, file), 'utf8')) as {
        name?: string;
        pid?: number;
        ports?: number[];
      };
      if (!Number.isInteger(record.pid) || !record.pid) continue;
      const name = record.name ?? file.slice(0, -'.json'.length);
      processes.push({
        name,
        component: componentOf(name),
        pid: record.pid,
        ports: Array.isArray(record.ports) ? record.ports : [],
      });
    } catch {
      // a half-written pid file: the process is starting or stopping
    }
  }
  return processes.sort((a, b) => a.name.localeCompare(b.name));
}

/** `/metrics` of each service process (its first port is its HTTP port). */
export function serviceMetricsUrls(
  processes: readonly StackProcess[],
): { process: string; service: string; url: string }[] {
  const seen = new Set<number>();
  return processes
    .filter((p) => isService(p.component) && p.ports.length > 0)
    .filter((p) => !seen.has(p.ports[0]) && Boolean(seen.add(p.ports[0])))
    .map((p) => ({
      process: p.name,
      service: p.component,
      url: `http://127.0.0.1:${p.ports[0]}/metrics`,
    }));
}
