/**
 * docker-compose.yml as Docker Compose itself reads it: tools/compose-check runs compose-go
 * (the loader of `docker compose`) on the file, so schema errors, bad interpolation, unknown
 * keys and broken anchors fail here although no Docker engine can run it on this machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { ROOT, itHasTools } from './deployment-files';

const CHECKER = join(ROOT, '.cache/bin/compose-check');

interface LoadedProject {
  services: Record<
    string,
    {
      environment?: Record<string, string>;
      healthcheck?: { test?: string[] };
      ports?: { target: number; published?: string }[];
      depends_on?: Record<string, { condition: string }>;
    }
  >;
}

describe('deployment: docker-compose.yml (compose-go)', () => {
  const available = existsSync(CHECKER);

  itHasTools('has the checker (scripts/ensure-k8s-tools.sh builds it)', available ? [] : [CHECKER]);

  (available ? it : it.skip)('loads, and every service reads its settings after merging', () => {
    const result = spawnSync(CHECKER, ['docker-compose.yml', ROOT], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stdout.startsWith('INVALID') ? result.stdout : '').toBe('');
    expect(result.status).toBe(0);
    const project = load(result.stdout) as LoadedProject;
    const operations = project.services.operations;
    expect(operations).toBeDefined();
    // The operations service scrapes /metrics and /health/ready of every other service.
    for (const name of ['gateway', 'identity', 'registry', 'ordering', 'notifications']) {
      const port = project.services[name].environment?.[`${name.toUpperCase()}_PORT`];
      expect(operations.environment?.[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${port}`);
    }
    expect(operations.environment?.OPERATIONS_PORT).toBe('3005');
    expect(operations.environment?.KAFKA_BROKERS).toBe('kafka:9092');
    expect(operations.depends_on?.kafka?.condition).toBe('service_healthy');
    expect(operations.depends_on?.mongo?.condition).toBe('service_healthy');
    // Only the gateway and Mailpit's UI reach the host: /metrics stays inside.
    const published = Object.entries(project.services)
      .filter(([, service]) => (service.ports ?? []).length > 0)
      .map(([name]) => name)
      .sort();
    expect(published).toEqual(['gateway', 'mailpit']);
  });
});
