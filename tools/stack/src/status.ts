import { ComponentSet, startOrder } from './components/component-set';
import { isRecordAlive, listPidRecords, readPidRecord } from './pid-file';
import { ComponentName, isComponentName, StackSettings } from './settings';

export type ComponentState = 'ready' | 'not ready' | 'stopped' | 'external' | 'unreachable';

export interface StatusRow {
  component: ComponentName;
  pid?: number;
  ports: string;
  state: ComponentState;
  url: string;
}

async function rowFor(
  set: ComponentSet,
  settings: StackSettings,
  name: ComponentName,
): Promise<StatusRow | undefined> {
  const record = readPidRecord(settings.paths.pidsDir, name);
  const alive = record !== undefined && isRecordAlive(record);
  const component = await set.get(name).catch(() => undefined);
  if (!component) {
    // e.g. postgres after switching to SQLite: still listed while a process of ours runs.
    return alive
      ? {
          component: name,
          pid: record.pid,
          ports: record.ports.join(','),
          state: 'not ready',
          url: '',
        }
      : undefined;
  }
  if (component.external) {
    const state = (await component.isReady()) ? 'external' : 'unreachable';
    return { component: name, ports: '-', state, url: component.url };
  }
  const ports = component.ports.map((claim) => claim.port).join(',');
  if (!alive) return { component: name, ports, state: 'stopped', url: component.url };
  const state = (await component.isReady()) ? 'ready' : 'not ready';
  return { component: name, pid: record.pid, ports, state, url: component.url };
}

/** What runs, checked live (process alive and answering its protocol), without changing anything. */
export async function collectStatus(settings: StackSettings): Promise<StatusRow[]> {
  const set = new ComponentSet(settings, false);
  const order = startOrder(settings.shape);
  // Instances outside the current shape that still run (e.g. ordering#2 after a plain up).
  const strays = listPidRecords(settings.paths.pidsDir)
    .map((record) => record.name)
    .filter((name): name is ComponentName => isComponentName(name) && !order.includes(name));
  const rows = await Promise.all([...order, ...strays].map((name) => rowFor(set, settings, name)));
  return rows.filter((row): row is StatusRow => row !== undefined);
}

export function formatStatusTable(rows: readonly StatusRow[]): string {
  const header = ['component', 'pid', 'port', 'state', 'url'];
  const cells = rows.map((row) => [
    row.component,
    row.pid ? String(row.pid) : '-',
    row.ports,
    row.state,
    row.url,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => line[column].length)),
  );
  const format = (line: string[]): string =>
    line
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [format(header), ...cells.map(format)].join('\n');
}
