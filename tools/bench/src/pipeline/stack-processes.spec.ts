import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { componentOf, serviceMetricsUrls, stackProcesses } from './stack-processes';

describe('the stack processes', () => {
  it('groups replicas and brokers under their component', () => {
    expect(componentOf('ordering')).toBe('ordering');
    expect(componentOf('ordering-2')).toBe('ordering');
    expect(componentOf('notifications.1')).toBe('notifications');
    expect(componentOf('kafka-3')).toBe('kafka');
    expect(componentOf('something')).toBe('something');
  });

  it('reads every pid file, and scrapes each service process on its own port', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-pids-'));
    const record = (name: string, pid: number, ports: number[]) =>
      writeFileSync(join(dir, `${name}.json`), JSON.stringify({ name, pid, ports }));
    record('ordering', 11, [3003]);
    record('ordering-2', 12, [3013]);
    record('kafka', 13, [9092, 9093]);
    writeFileSync(join(dir, 'broken.json'), '{');
    const processes = stackProcesses(dir);
    expect(processes.map((p) => `${p.name}:${p.component}`)).toEqual([
      'kafka:kafka',
      'ordering:ordering',
      'ordering-2:ordering',
    ]);
    expect(serviceMetricsUrls(processes)).toEqual([
      { process: 'ordering', service: 'ordering', url: 'http://127.0.0.1:3003/metrics' },
      { process: 'ordering-2', service: 'ordering', url: 'http://127.0.0.1:3013/metrics' },
    ]);
    expect(stackProcesses(join(dir, 'missing'))).toEqual([]);
  });
});
