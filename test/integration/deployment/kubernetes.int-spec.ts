/**
 * Keeps k8s/base in line with the code: every Nest application gets a Deployment with
 * probes on the real health paths and ports, a Service and a PodDisruptionBudget; the
 * topics match libs/contracts. The base is read by following the kustomizations, so a
 * file that no kustomization lists does not count.
 */
import { DEFAULT_SERVICE_PORTS, ServiceName } from '@metered/service-kit/config';
import {
  expectedTopics,
  findResource,
  K8sResource,
  nestApplications,
  readKustomization,
  readText,
  topicDifference,
} from './deployment-files';

interface Container {
  name: string;
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string } } }[];
  envFrom?: { configMapRef?: { name: string } }[];
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: { requests?: object; limits?: object };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
}

const base = readKustomization('k8s/base');
const apps = nestApplications();
const resources = base.resources;
const ofKind = (kind: string): K8sResource[] => resources.filter((r) => r.kind === kind);
const portOf = (app: string): number => DEFAULT_SERVICE_PORTS[app as ServiceName];

function podSpecOf(app: string) {
  const deployment = findResource(resources, 'Deployment', app);
  return (
    deployment.spec as {
      template: { metadata: { labels: Record<string, string> }; spec: Record<string, unknown> };
    }
  ).template;
}

function containerOf(app: string): Container {
  const containers = podSpecOf(app).spec.containers as Container[];
  expect(containers).toHaveLength(1);
  return containers[0];
}

/** The container port a probe or Service refers to, whether by name or by number. */
function resolvePort(container: Container, port: string | number | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

describe('deployment: k8s/base', () => {
  it('has a Deployment, Service and PodDisruptionBudget for every Nest application', () => {
    for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget']) {
      const names = ofKind(kind).map((r) => r.metadata.name);
      expect({ kind, missing: apps.filter((app) => !names.includes(app)) }).toEqual({
        kind,
        missing: [],
      });
    }
  });

  describe.each(apps)('%s', (app) => {
    it('probes liveness on /health/live and readiness on /health/ready at its port', () => {
      const container = containerOf(app);
      const { livenessProbe, readinessProbe } = container;
      expect(livenessProbe?.httpGet?.path).toBe('/health/live');
      expect(readinessProbe?.httpGet?.path).toBe('/health/ready');
      expect(resolvePort(container, livenessProbe?.httpGet?.port)).toBe(portOf(app));
      expect(resolvePort(container, readinessProbe?.httpGet?.port)).toBe(portOf(app));
    });

    it('gets its port, the shared ConfigMap and the connection Secrets', () => {
      const container = containerOf(app);
      const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e]));
      expect(env[`${app.toUpperCase()}_PORT`]?.value).toBe(String(portOf(app)));
      expect(container.envFrom?.map((e) => e.configMapRef?.name)).toContain('metered-config');
      // SMTP only where it is used (notifications sends, the gateway's /api/health probes it).
      const secrets = ['gateway', 'notifications'].includes(app)
        ? ['MONGO_URL', 'SMTP_URL']
        : ['MONGO_URL'];
      for (const name of secrets) {
        expect(env[name]?.valueFrom?.secretKeyRef?.name).toBe('metered-infrastructure');
      }
      const config = base.configMapLiterals['metered-config'] ?? {};
      for (const name of ['KAFKA_BROKERS', 'MONGO_DB_PREFIX', 'HOST', 'NODE_ENV', 'LOG_LEVEL']) {
        expect(config).toHaveProperty(name);
      }
    });

    it('runs non-root with a read-only root file system and resource limits', () => {
      const pod = podSpecOf(app).spec as { securityContext?: { runAsNonRoot?: boolean } };
      const container = containerOf(app);
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
      expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
      expect(container.resources?.requests).toBeDefined();
      expect(container.resources?.limits).toBeDefined();
    });

    it('is selected by its Service (on its port) and its PodDisruptionBudget', () => {
      const podLabels = podSpecOf(app).metadata.labels;
      const service = findResource(resources, 'Service', app).spec as {
        selector: Record<string, string>;
        ports: { port: number; targetPort: string | number }[];
      };
      const pdb = findResource(resources, 'PodDisruptionBudget', app).spec as {
        selector: { matchLabels: Record<string, string> };
      };
      expect(podLabels).toMatchObject(service.selector);
      expect(podLabels).toMatchObject(pdb.selector.matchLabels);
      expect(service.ports[0].port).toBe(portOf(app));
      expect(resolvePort(containerOf(app), service.ports[0].targetPort)).toBe(portOf(app));
    });
  });

  it('autoscales gateway and ordering, whose Deployments leave replicas to the HPA', () => {
    const targets = ofKind('HorizontalPodAutoscaler').map(
      (hpa) => (hpa.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef,
    );
    expect(targets).toEqual(
      expect.arrayContaining([
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' },
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'ordering' },
      ]),
    );
    for (const app of ['gateway', 'ordering']) {
      expect(findResource(resources, 'Deployment', app).spec).not.toHaveProperty('replicas');
    }
  });

  it('points the gateway at the backends by Service name and port', () => {
    const config = base.configMapLiterals['metered-config'] ?? {};
    for (const app of apps.filter((name) => name !== 'gateway')) {
      expect(config[`${app.toUpperCase()}_URL`]).toBe(`http://${app}:${portOf(app)}`);
    }
  });

  it('mounts the JWT key files of identity from a Secret', () => {
    const env = (containerOf('identity').env ?? []).map((e) => e.name);
    expect(env).toEqual(expect.arrayContaining(['JWT_PRIVATE_KEY_FILE', 'JWT_PUBLIC_KEY_FILE']));
    const volumes = podSpecOf('identity').spec.volumes as { secret?: { secretName: string } }[];
    expect(volumes.map((v) => v.secret?.secretName)).toContain('identity-jwt');
  });

  it('exposes only the gateway: default-deny ingress, an Ingress to the gateway', () => {
    const policies = ofKind('NetworkPolicy');
    const denyAll = policies.find(
      (p) => JSON.stringify((p.spec as { podSelector: object }).podSelector) === '{}',
    );
    expect(denyAll?.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    const ingresses = ofKind('Ingress');
    expect(ingresses).toHaveLength(1);
    expect(JSON.stringify(ingresses[0].spec)).toContain('"service":{"name":"gateway"');
    expect(ofKind('Service').every((s) => (s.spec as { type?: string }).type === undefined)).toBe(
      true,
    );
  });

  it('declares the topics of libs/contracts (plus dead-letter topics) for Strimzi', async () => {
    const topics = ofKind('KafkaTopic');
    for (const topic of topics) {
      expect((topic as { apiVersion?: string }).apiVersion).toBe('kafka.strimzi.io/v1beta2');
      expect(topic.metadata.labels?.['strimzi.io/cluster']).toBe('metered-kafka');
    }
    const declared = topics
      .map((t) => String((t.spec as { topicName?: string }).topicName ?? t.metadata.name))
      .sort();
    const expected = await expectedTopics();
    expect(topicDifference(declared, expected)).toEqual({ missing: [], notInContracts: [] });
  });

  it('uses no FerretDB', () => {
    const text =
      resources.map((r) => JSON.stringify(r)).join('\n') + readText('k8s/base/kustomization.yaml');
    expect(text.toLowerCase()).not.toContain('ferretdb');
  });
});
