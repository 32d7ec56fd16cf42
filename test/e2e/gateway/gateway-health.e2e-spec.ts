import { SERVICE_NAMES, ServiceName } from '@metered/service-kit';
import { startComponent, stopComponent, useApps } from '../../support/stack-env';
import { expectNoInternals } from '../../support/internals';
import { itWhenManaged } from '../../support/managed-only';

interface SystemHealth {
  status: string;
  components: Record<string, { status: string; message?: string }>;
}

async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15000) });
  return { status: response.status, body: (await response.json()) as T };
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 60000) {
  const deadline = Date.now() + ms;
  let last = await read();
  while (!done(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    last = await read();
  }
  return last;
}

/** The five real services, started by the stack CLI, behind the real gateway. */
describe('gateway and service health (real stack)', () => {
  let urls: Record<string, string>;

  beforeAll(async () => {
    urls = await useApps(SERVICE_NAMES);
  }, 600000);

  it('reports every service, Kafka, the database and SMTP as up', async () => {
    const { status, body } = await getJson<SystemHealth>(`${urls.gateway}/api/health`);
    expect(body.status).toBe('ok');
    expect(status).toBe(200);
    for (const name of [...SERVICE_NAMES, 'kafka', 'database', 'smtp']) {
      expect(body.components[name]?.status).toBe('up');
    }
  });

  it('answers liveness and readiness on every service', async () => {
    for (const name of SERVICE_NAMES) {
      expect((await getJson(`${urls[name]}/health/live`)).status).toBe(200);
      expect((await getJson(`${urls[name]}/health/ready`)).status).toBe(200);
    }
  });

  it('serves the OpenAPI document with the health endpoint', async () => {
    const { status, body } = await getJson<{ paths: Record<string, unknown> }>(
      `${urls.gateway}/api/docs-json`,
    );
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toContain('/api/health');
  });

  it('shows a stopped service as down, and up again after its restart', async () => {
    await stopComponent('registry');
    try {
      const down = await getJson<SystemHealth>(`${urls.gateway}/api/health`);
      expect(down.status).toBe(503);
      expect(down.body.components.registry.status).toBe('down');
      expect(down.body.components.ordering.status).toBe('up');
    } finally {
      await startComponent('registry');
    }
    const up = await eventually(
      () => getJson<SystemHealth>(`${urls.gateway}/api/health`),
      (result) => result.status === 200,
    );
    expect(up.body.components.registry.status).toBe('up');
  });

  /** Stops an infrastructure component, expects readiness red naming it, liveness green, recovery. */
  async function expectReadinessOutage(
    component: 'ferretdb' | 'kafka',
    indicator: string,
    service: ServiceName,
  ) {
    await stopComponent(component);
    try {
      const ready = await eventually(
        () => getJson<{ error?: Record<string, unknown> }>(`${urls[service]}/health/ready`),
        (result) => result.status === 503,
        20000,
      );
      expect(ready.status).toBe(503);
      expect(Object.keys(ready.body.error ?? {})).toContain(indicator);
      // The outage shows as a plain phrase: no driver text, socket address or host:port.
      expectNoInternals(ready.body);
      expectNoInternals((await getJson(`${urls.gateway}/api/health`)).body);
      expect((await getJson(`${urls[service]}/health/live`)).status).toBe(200);
    } finally {
      await startComponent(component);
    }
    const back = await eventually(
      () => getJson(`${urls[service]}/health/ready`),
      (result) => result.status === 200,
    );
    expect(back.status).toBe(200);
  }

  itWhenManaged(
    ['ferretdb'],
    'turns readiness red while the database is gone, liveness stays green, and recovers',
    () => expectReadinessOutage('ferretdb', 'database', 'ordering'),
  );

  itWhenManaged(
    ['kafka'],
    'turns readiness red while Kafka is gone, liveness stays green, and recovers',
    () => expectReadinessOutage('kafka', 'kafka', 'identity'),
  );
});
