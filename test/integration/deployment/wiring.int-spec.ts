/**
 * Do the deployments actually work? Renders docker-compose.yml (compose-go) and every k8s
 * overlay (kustomize), then checks them against the settings lists the services themselves
 * enforce at start (apps/<app>/src/config/<app>.settings.ts):
 *   (a) every app gets every setting it requires in production, well-formed;
 *   (b) every connection an app's settings name (service URLs, brokers, database, SMTP) is
 *       allowed by the rendered NetworkPolicies, at the source and at the target, and no other
 *       connection between the known pods and endpoints is;
 *   (c) memory requests and limits fit the RSS the benchmark measured (docs/perf).
 * The last cases take a correct render, remove one edge or one setting in memory and expect
 * the checker to name it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, loadAll } from 'js-yaml';
import { settingsProblems } from '@metered/service-kit/config';
import { K8sResource, ROOT, itHasTools } from './deployment-files';
import { APP_SETTINGS } from './wiring/app-settings';
import { checkComposeWiring, ComposeProject } from './wiring/compose-wiring';
import {
  checkKubernetesWiring,
  ClusterAssumptions,
  NAMESPACE,
  podTemplateOf,
} from './wiring/k8s-wiring';
import { NetworkPolicy, PodEndpoint } from './wiring/network-policy';

const KUSTOMIZE = join(ROOT, '.cache/bin/kustomize');
const COMPOSE_CHECK = join(ROOT, '.cache/bin/compose-check');
const OVERLAYS = ['dev', 'prod'] as const;
const missingTools = [KUSTOMIZE, COMPOSE_CHECK].filter((tool) => !existsSync(tool));

/** The Strimzi broker pods (k8s/base/kustomization.yaml assumes a cluster named metered-kafka). */
const KAFKA: PodEndpoint = {
  kind: 'pod',
  name: 'kafka',
  namespace: NAMESPACE,
  labels: { 'strimzi.io/cluster': 'metered-kafka', 'strimzi.io/kind': 'Kafka' },
  ports: [9090, 9091, 9092, 9093].map((port) => ({ port, protocol: 'TCP' as const })),
};

/** The MongoDB replica set members, behind a Service named mongodb. */
const MONGODB: PodEndpoint = {
  kind: 'pod',
  name: 'mongodb',
  namespace: NAMESPACE,
  labels: { 'app.kubernetes.io/name': 'mongodb' },
  ports: [{ port: 27017, protocol: 'TCP' }],
};

/**
 * The Secrets docs/deployment.md tells operators to create by hand, with example values of
 * the keys it lists (the production relay is outside the cluster).
 */
const HAND_MADE_SECRETS = {
  'metered-bootstrap-admin': { email: 'admin@example.com', password: 'example-only' },
  'identity-jwt': { 'private.pem': 'PEM', 'public.pem': 'PEM' },
  'metered-access-link': { key: Buffer.alloc(32, 7).toString('base64') },
};

/** Identity seals the one-time links, notifications opens them; nobody else holds the key. */
const ACCESS_LINK_KEY_HOLDERS = ['identity', 'notifications'];
const PROD_INFRASTRUCTURE_SECRET = {
  'metered-infrastructure': {
    MONGO_URL: 'mongodb://mongodb:27017/?replicaSet=rs0',
    SMTP_URL: 'smtp://smtp.example.com:587',
  },
};

const assumptions = (overlay: (typeof OVERLAYS)[number]): ClusterAssumptions => ({
  secrets:
    overlay === 'prod'
      ? { ...HAND_MADE_SECRETS, ...PROD_INFRASTRUCTURE_SECRET }
      : HAND_MADE_SECRETS,
  services: {
    'metered-kafka-kafka-bootstrap': { endpoint: KAFKA, ports: { 9092: 9092 } },
    mongodb: { endpoint: MONGODB, ports: { 27017: 27017 } },
  },
  dns: {
    kind: 'pod',
    name: 'kube-dns',
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-dns' },
    ports: [
      { port: 53, protocol: 'UDP' },
      { port: 53, protocol: 'TCP' },
    ],
  },
  internet: {
    kind: 'external',
    name: 'internet',
    ip: '203.0.113.10',
    ports: [25, 80, 443, 465, 587, 9092, 27017].map((port) => ({ port, protocol: 'TCP' })),
  },
});

function render(overlay: string): K8sResource[] {
  const result = spawnSync(KUSTOMIZE, ['build', `k8s/overlays/${overlay}`], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`kustomize build ${overlay}: ${result.stderr}`);
  return loadAll(result.stdout).filter(Boolean) as K8sResource[];
}

function loadCompose(): ComposeProject {
  const result = spawnSync(COMPOSE_CHECK, ['docker-compose.yml', ROOT], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`compose-check: ${result.stdout}${result.stderr}`);
  return load(result.stdout) as ComposeProject;
}

const copy = <T>(value: T): T => structuredClone(value);

describe('settings lists', () => {
  it.each(APP_SETTINGS.map((s) => [s.app, s] as const))(
    '%s starts in development with nothing set (the local stack and tests keep their defaults)',
    (_app, schema) => {
      expect(settingsProblems(schema, { NODE_ENV: 'test' })).toEqual([]);
      expect(settingsProblems(schema, {})).toEqual([]);
    },
  );
});

describe('deployment wiring (tools)', () => {
  itHasTools('has kustomize and compose-check (scripts/ensure-k8s-tools.sh)', missingTools);
});

(missingTools.length === 0 ? describe : describe.skip)('deployment wiring', () => {
  const rendered = Object.fromEntries(OVERLAYS.map((o) => [o, render(o)])) as Record<
    (typeof OVERLAYS)[number],
    K8sResource[]
  >;
  const compose = loadCompose();

  it('compose: every app gets the settings it requires, and each names a service it can reach', () => {
    expect(checkComposeWiring(compose, APP_SETTINGS)).toEqual([]);
  });

  it.each(OVERLAYS)(
    '%s: every app gets its settings; the NetworkPolicies allow exactly what they name',
    (overlay) => {
      const report = checkKubernetesWiring(rendered[overlay], APP_SETTINGS, assumptions(overlay));
      expect(report.problems).toEqual([]);
    },
  );

  it.each(OVERLAYS)(
    '%s: the checker derives the edges to identity from the settings (keys, proxy)',
    (overlay) => {
      const { needed } = checkKubernetesWiring(
        rendered[overlay],
        APP_SETTINGS,
        assumptions(overlay),
      );
      const keyFetchers = needed
        .filter((edge) => edge.to === 'identity' && edge.because === 'IDENTITY_URL')
        .map((edge) => edge.from)
        .sort();
      expect(keyFetchers).toEqual([
        'gateway',
        'identity',
        'notifications',
        'operations',
        'ordering',
        'registry',
        'telemetry',
      ]);
    },
  );

  describe('the access-link key reaches identity and notifications only', () => {
    it.each(OVERLAYS)('%s: the Deployments that name it', (overlay) => {
      const holders = rendered[overlay]
        .filter((r) => r.kind === 'Deployment')
        .filter((r) => JSON.stringify(r).includes('metered-access-link'))
        .map((r) => r.metadata.name)
        .sort();
      expect(holders).toEqual(ACCESS_LINK_KEY_HOLDERS);
    });

    it('compose: the services given the secret file', () => {
      const holders = Object.entries(compose.services)
        .filter(([, service]) => JSON.stringify(service).includes('access_link_key'))
        .map(([name]) => name)
        .sort();
      expect(holders).toEqual(ACCESS_LINK_KEY_HOLDERS);
      for (const app of ACCESS_LINK_KEY_HOLDERS) {
        expect(compose.services[app].environment?.ACCESS_LINK_KEY_FILE).toBe(
          '/run/secrets/access_link_key',
        );
      }
    });
  });

  describe('emailed links open: PORTAL_URL is the origin that serves the portal', () => {
    it.each(OVERLAYS)('%s: the host (and scheme) of the gateway’s Ingress', (overlay) => {
      const config = rendered[overlay].find(
        (r) => r.kind === 'ConfigMap' && r.metadata.name.startsWith('metered-config'),
      ) as unknown as { data: Record<string, string> };
      const ingress = rendered[overlay].find((r) => r.kind === 'Ingress')?.spec as {
        tls?: { hosts: string[] }[];
        rules: { host: string }[];
      };
      const portal = new URL(config.data.PORTAL_URL);
      expect(portal.hostname).toBe(ingress.rules[0].host);
      const tls = (ingress.tls ?? []).some((entry) => entry.hosts.includes(portal.hostname));
      expect(portal.protocol).toBe(tls ? 'https:' : 'http:');
    });

    it('compose: the port the gateway publishes on the host', () => {
      const { environment, ports } = compose.services.gateway as {
        environment: Record<string, string>;
        ports: { target: number; published: string }[];
      };
      const portal = new URL(environment.PORTAL_URL);
      expect(['localhost', '127.0.0.1']).toContain(portal.hostname);
      expect(ports.map((p) => p.published)).toContain(portal.port);
    });
  });

  describe('memory fits the RSS measured under load (docs/perf/results.json)', () => {
    const measured = JSON.parse(readFileSync(join(ROOT, 'docs/perf/results.json'), 'utf8')) as {
      processes: { name: string; rssMaxMb: number }[];
    };
    const mebibytes = (quantity: string): number => {
      const match = /^(\d+(?:\.\d+)?)(Mi|Gi|M|G)?$/.exec(quantity);
      if (!match) throw new Error(`unreadable memory quantity ${quantity}`);
      const factor = { Mi: 1, Gi: 1024, M: 1e6 / 2 ** 20, G: 1e9 / 2 ** 20 }[match[2] ?? 'Mi'];
      return Number(match[1]) * (factor ?? 1 / 2 ** 20);
    };

    /**
     * Services the order benchmark does not drive (telemetry: readings, not orders) have no
     * measured peak yet; they must fit the largest peak any service reached instead.
     */
    const NOT_ON_THE_ORDER_BENCH = new Set(['telemetry']);
    const largestServicePeak = Math.max(
      ...measured.processes
        .filter((p) => APP_SETTINGS.some(({ app }) => app === p.name))
        .map((p) => p.rssMaxMb),
    );

    it.each(OVERLAYS)('%s: request ≥ peak RSS, limit ≥ 1.25 × peak RSS', (overlay) => {
      const misfits: string[] = [];
      for (const { app } of APP_SETTINGS) {
        let peak = measured.processes.find((p) => p.name === app)?.rssMaxMb;
        if (peak === undefined && NOT_ON_THE_ORDER_BENCH.has(app)) peak = largestServicePeak;
        if (peak === undefined) throw new Error(`docs/perf/results.json has no RSS of ${app}`);
        const deployment = rendered[overlay].find(
          (r) => r.kind === 'Deployment' && r.metadata.name === app,
        ) as K8sResource;
        const { resources } = podTemplateOf(deployment).spec.containers[0] as {
          resources?: { requests?: { memory?: string }; limits?: { memory?: string } };
        };
        const request = mebibytes(resources?.requests?.memory ?? '0');
        const limit = mebibytes(resources?.limits?.memory ?? '0');
        if (request < peak || limit < 1.25 * peak) {
          misfits.push(
            `${app}: request ${request}Mi, limit ${limit}Mi, measured ${peak.toFixed(0)} MB`,
          );
        }
      }
      expect(misfits).toEqual([]);
    });
  });

  describe('the checker catches what the issue found', () => {
    const policy = (resources: K8sResource[], name: string) =>
      resources.find(
        (r) => r.kind === 'NetworkPolicy' && r.metadata.name === name,
      ) as unknown as NetworkPolicy;

    it('a NetworkPolicy edge removed: registry can no longer fetch identity’s keys', () => {
      const resources = copy(rendered.prod);
      const ingress = policy(resources, 'allow-identity-keys-ingress');
      ingress.spec.ingress = [];
      const { problems } = checkKubernetesWiring(resources, APP_SETTINGS, assumptions('prod'));
      expect(problems).toContain(
        'registry → identity:3001/TCP (IDENTITY_URL): no NetworkPolicy lets identity accept it',
      );
    });

    it('a setting removed: notifications without EMAIL_FROM, ordering without IDENTITY_URL', () => {
      const resources = copy(rendered.dev);
      const config = resources.find(
        (r) => r.kind === 'ConfigMap' && r.metadata.name.startsWith('metered-config'),
      ) as unknown as {
        data: Record<string, string>;
      };
      delete config.data.EMAIL_FROM;
      delete config.data.IDENTITY_URL;
      const { problems } = checkKubernetesWiring(resources, APP_SETTINGS, assumptions('dev'));
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^notifications: EMAIL_FROM is missing \(required in production\)/),
          expect.stringMatching(/^ordering: IDENTITY_URL is missing \(required in production\)/),
        ]),
      );
    });

    it('an edge too many: every service may reach the SMTP relay', () => {
      const resources = copy(rendered.prod);
      const relay = policy(resources, 'allow-smtp-relay-egress');
      relay.spec.podSelector = { matchLabels: { 'app.kubernetes.io/component': 'service' } };
      const { problems } = checkKubernetesWiring(resources, APP_SETTINGS, assumptions('prod'));
      expect(problems).toContain(
        'registry → internet:587/TCP is allowed, but no setting of registry names it',
      );
      expect(problems).not.toContain(
        'notifications → internet:587/TCP is allowed, but no setting of notifications names it',
      );
    });

    it('compose: a setting removed and a URL that points nowhere', () => {
      const project = copy(compose);
      delete project.services.registry.environment?.IDENTITY_URL;
      (project.services.notifications.environment as Record<string, string>).SMTP_URL =
        'smtp://mailpit:2525';
      expect(checkComposeWiring(project, APP_SETTINGS)).toEqual([
        expect.stringMatching(/^registry: IDENTITY_URL is missing \(required in production\)/),
        'notifications: SMTP_URL (smtp://mailpit:2525): mailpit listens on no 2525',
      ]);
    });
  });
});
