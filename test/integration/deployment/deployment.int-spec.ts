/**
 * Keeps the Dockerfile and docker-compose.yml honest on machines without a Docker engine:
 * every Nest application must be deployable with the settings the code actually reads.
 * Kubernetes is checked in kubernetes.int-spec.ts.
 */
import { DEFAULT_SERVICE_PORTS, ServiceName } from '@metered/service-kit/config';
import {
  expectedTopics,
  nestApplications,
  readText,
  readYaml,
  topicDifference,
  Yaml,
} from './deployment-files';

interface ComposeService extends Yaml {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  command?: unknown;
  environment?: Record<string, string | number>;
  healthcheck?: { test?: string | string[] };
  depends_on?: Record<string, { condition?: string }>;
  ports?: string[];
  restart?: string;
}

const compose = readYaml('docker-compose.yml') as { services: Record<string, ComposeService> };
const services = compose.services;
const apps = nestApplications();

function portOf(app: string): number {
  const port = DEFAULT_SERVICE_PORTS[app as ServiceName];
  if (port === undefined) throw new Error(`${app} has no entry in DEFAULT_SERVICE_PORTS`);
  return port;
}

function service(name: string): ComposeService {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

describe('deployment: Dockerfile', () => {
  const dockerfile = readText('Dockerfile');

  it('builds on node 20, installs only production deps in the runtime stage, runs as non-root', () => {
    expect(dockerfile).toMatch(/^FROM \$\{NODE_IMAGE\} AS runtime$/m);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^ARG SERVICE$/m);
    expect(dockerfile).toMatch(/^CMD exec node dist\/apps\/\$SERVICE\/main\.js$/m);
  });

  it.each(apps)('its health check knows the default port of %s', (app) => {
    expect(dockerfile).toMatch(/\/health\/live/);
    expect(dockerfile).toContain(`${app}:${portOf(app)}`);
  });

  it('.dockerignore keeps local state out of the build context', () => {
    const ignored = readText('.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    for (const entry of ['node_modules', '.cache', '.stack', 'dist', '.git', 'test-results']) {
      expect(ignored).toContain(entry);
    }
  });
});

describe('deployment: docker-compose.yml', () => {
  it('has a compose service for every Nest application', () => {
    expect(apps.length).toBeGreaterThan(0);
    expect(apps.filter((app) => !services[app])).toEqual([]);
  });

  describe.each(apps)('%s', (app) => {
    const port = portOf(app);

    it('is built from the Dockerfile with its SERVICE build arg', () => {
      const { build } = service(app);
      expect(build?.context).toBe('.');
      expect(build?.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
      expect(build?.args?.SERVICE).toBe(app);
    });

    it('reads the infrastructure settings and its own port', () => {
      const env = service(app).environment ?? {};
      // SMTP_URL only where it is read (the full check per app: wiring.int-spec.ts).
      const smtp = ['gateway', 'notifications'].includes(app) ? ['SMTP_URL'] : [];
      for (const name of ['KAFKA_BROKERS', 'MONGO_URL', 'HOST', ...smtp]) {
        expect(env).toHaveProperty(name);
      }
      expect(String(env[`${app.toUpperCase()}_PORT`])).toBe(String(port));
      // MONGO_URL carries no database: each service appends <prefix>_<service> itself.
      expect(new URL(String(env.MONGO_URL)).pathname).toMatch(/^\/?$/);
    });

    it('has a readiness health check on its port and a restart policy', () => {
      const { healthcheck, restart } = service(app);
      const test = [healthcheck?.test ?? []].flat().join(' ');
      expect(test).toContain(`http://127.0.0.1:${port}/health/ready`);
      expect(restart).toBe('unless-stopped');
    });

    it('waits for healthy Kafka and MongoDB', () => {
      const dependsOn = service(app).depends_on ?? {};
      expect(dependsOn.kafka?.condition).toBe('service_healthy');
      expect(dependsOn.mongo?.condition).toBe('service_healthy');
    });
  });

  it('publishes only the gateway (3000) among the apps', () => {
    const publishing = apps.filter((app) => (service(app).ports ?? []).length > 0);
    expect(publishing).toEqual(['gateway']);
    expect(service('gateway').ports).toEqual([`${portOf('gateway')}:${portOf('gateway')}`]);
  });

  it('points the gateway at every backend by its compose name and port', () => {
    const env = service('gateway').environment ?? {};
    for (const app of apps.filter((name) => name !== 'gateway')) {
      expect(env[`${app.toUpperCase()}_URL`]).toBe(`http://${app}:${portOf(app)}`);
    }
  });

  it('runs MongoDB 7 as a replica set and Kafka 4.1.1 in KRaft mode (no FerretDB)', () => {
    expect(service('mongo').image).toBe('mongo:7');
    expect(service('mongo').command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(String(service('mongo').healthcheck?.test)).toContain('rs.initiate');
    expect(service('kafka').image).toBe('apache/kafka:4.1.1');
    expect(service('kafka').environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(readText('docker-compose.yml').toLowerCase()).not.toContain('ferretdb');
  });

  it('creates the topics of libs/contracts (plus dead-letter topics)', async () => {
    const declared = String(service('kafka-topics').environment?.TOPICS ?? '')
      .split('\n')
      .map((line) => line.trim().split(/\s+/)[0])
      .filter(Boolean)
      .sort();
    const expected = await expectedTopics();
    expect(topicDifference(declared, expected)).toEqual({ missing: [], notInContracts: [] });
  });
});
