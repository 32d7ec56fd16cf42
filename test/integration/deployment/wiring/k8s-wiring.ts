/**
 * Checks a rendered Kubernetes overlay against the apps' settings lists: every app gets every
 * setting it requires (from its container's env, the ConfigMaps and Secrets it refers to),
 * and the NetworkPolicies allow exactly the connections those settings name — each app to the
 * hosts in its URLs, brokers and database, plus DNS — and nothing else between the pods and
 * endpoints the deployment knows.
 */
import {
  AppSettings,
  CONNECTION_KINDS,
  connectionTargets,
  isDevelopment,
  settingsProblems,
} from '@metered/service-kit/config/settings-schema';
import type { K8sResource } from '../deployment-files';
import {
  egressAllowed,
  Endpoint,
  ExternalEndpoint,
  ingressAllowed,
  NetworkPolicy,
  PodEndpoint,
  Protocol,
} from './network-policy';

export const NAMESPACE = 'metered-supplies';

/** What a cluster holds besides the render (k8s/base/kustomization.yaml, docs/deployment.md). */
export interface ClusterAssumptions {
  /** Secrets created by hand, with example values for the keys docs/deployment.md lists. */
  secrets: Record<string, Record<string, string>>;
  /** Services the render does not create (Strimzi's bootstrap, the MongoDB replica set). */
  services: Record<string, { endpoint: PodEndpoint; ports: Record<number, number> }>;
  /** Cluster DNS, needed by every app to resolve the names in its settings. */
  dns: PodEndpoint;
  /** Stands for everything outside the cluster: every external host resolves to it. */
  internet: ExternalEndpoint;
}

export interface Edge {
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
  /** The setting that names the connection (or "DNS"). */
  because: string;
}

export interface WiringReport {
  problems: string[];
  needed: Edge[];
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string };
    secretKeyRef?: { name: string; key: string };
  };
}

interface Container {
  name: string;
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number; protocol?: Protocol }[];
}

interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: { containers: Container[] };
}

export function podTemplateOf(deployment: K8sResource): PodTemplate {
  return (deployment.spec as { template: PodTemplate }).template;
}

function podOf(deployment: K8sResource): PodEndpoint {
  const template = podTemplateOf(deployment);
  return {
    kind: 'pod',
    name: deployment.metadata.name,
    namespace: String(deployment.metadata.namespace ?? NAMESPACE),
    labels: template.metadata.labels,
    ports: template.spec.containers.flatMap((c) =>
      (c.ports ?? []).map((p) => ({
        port: p.containerPort,
        name: p.name,
        protocol: p.protocol ?? 'TCP',
      })),
    ),
  };
}

function dataOf(
  resources: K8sResource[],
  assumptions: ClusterAssumptions,
  kind: 'ConfigMap' | 'Secret',
  name: string,
): Record<string, string> | undefined {
  const found = resources.find((r) => r.kind === kind && r.metadata.name === name) as
    | (K8sResource & { data?: Record<string, string>; stringData?: Record<string, string> })
    | undefined;
  if (!found) return kind === 'Secret' ? assumptions.secrets[name] : undefined;
  if (kind === 'ConfigMap') return found.data ?? {};
  const decoded = Object.fromEntries(
    Object.entries(found.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]),
  );
  return { ...decoded, ...(found.stringData ?? {}) };
}

/** The environment a container starts with; unresolvable references become problems. */
function containerEnv(
  app: string,
  container: Container,
  resources: K8sResource[],
  assumptions: ClusterAssumptions,
  problems: string[],
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const [kind, name] = source.configMapRef
      ? (['ConfigMap', source.configMapRef.name] as const)
      : (['Secret', source.secretRef?.name ?? ''] as const);
    const data = dataOf(resources, assumptions, kind, name);
    if (data) Object.assign(env, data);
    else problems.push(`${app}: envFrom names ${kind} ${name}, which does not exist`);
  }
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined) {
      env[variable.name] = variable.value;
      continue;
    }
    const { configMapKeyRef, secretKeyRef } = variable.valueFrom ?? {};
    const ref = configMapKeyRef ?? secretKeyRef;
    if (!ref) continue;
    const kind = configMapKeyRef ? 'ConfigMap' : 'Secret';
    const value = dataOf(resources, assumptions, kind, ref.name)?.[ref.key];
    if (value === undefined) {
      problems.push(
        `${app}: ${variable.name} refers to ${kind} ${ref.name} key ${ref.key}, which neither ` +
          'the render nor the hand-made Secrets of docs/deployment.md hold',
      );
    } else {
      env[variable.name] = value;
    }
  }
  return env;
}

/** Pods that a host:port of a setting reaches, with the port on the pod. */
function resolve(
  host: string,
  port: number,
  resources: K8sResource[],
  pods: PodEndpoint[],
  assumptions: ClusterAssumptions,
): { targets: { endpoint: Endpoint; port: number }[] } | { problem: string } {
  const name = host.replace(new RegExp(`\\.${NAMESPACE}(\\.svc(\\.cluster\\.local)?)?$`), '');
  const service = resources.find((r) => r.kind === 'Service' && r.metadata.name === name);
  if (service) {
    const spec = service.spec as {
      selector?: Record<string, string>;
      ports: { port: number; targetPort?: number | string }[];
    };
    const entry = spec.ports.find((p) => p.port === port);
    if (!entry) return { problem: `Service ${name} has no port ${port}` };
    const selected = [
      ...pods,
      ...Object.values(assumptions.services).map((s) => s.endpoint),
    ].filter((pod) => Object.entries(spec.selector ?? {}).every(([k, v]) => pod.labels[k] === v));
    if (selected.length === 0) return { problem: `Service ${name} selects no pod` };
    const targets = selected.map((pod) => {
      const target = entry.targetPort ?? port;
      const resolved =
        typeof target === 'number' ? target : pod.ports.find((p) => p.name === target)?.port;
      return { endpoint: pod as Endpoint, port: resolved ?? -1 };
    });
    if (targets.some((t) => t.port < 0)) {
      return { problem: `Service ${name} port ${port} targets a port its pods do not declare` };
    }
    return { targets };
  }
  const assumed = assumptions.services[name];
  if (assumed) {
    const mapped = assumed.ports[port];
    if (mapped === undefined) return { problem: `${name} listens on no port ${port}` };
    return { targets: [{ endpoint: assumed.endpoint, port: mapped }] };
  }
  if (name.includes('.')) return { targets: [{ endpoint: assumptions.internet, port }] };
  return { problem: `no Service named ${name} (rendered or assumed)` };
}

const edgeKey = (e: { from: string; to: string; port: number; protocol: Protocol }) =>
  `${e.from} → ${e.to}:${e.port}/${e.protocol}`;

/** Every problem of the rendered overlay; empty when it is fully and exactly wired. */
export function checkKubernetesWiring(
  resources: K8sResource[],
  apps: readonly AppSettings[],
  assumptions: ClusterAssumptions,
): WiringReport {
  const problems: string[] = [];
  const needed: Edge[] = [];
  const deployments = resources.filter((r) => r.kind === 'Deployment');
  const pods = deployments.map(podOf);
  const policies = resources.filter(
    (r) => r.kind === 'NetworkPolicy',
  ) as unknown as NetworkPolicy[];
  const sources: PodEndpoint[] = [];

  for (const schema of apps) {
    const deployment = deployments.find((d) => d.metadata.name === schema.app);
    if (!deployment) {
      problems.push(`${schema.app}: no Deployment`);
      continue;
    }
    const container = podTemplateOf(deployment).spec.containers[0];
    const env = containerEnv(schema.app, container, resources, assumptions, problems);
    if (isDevelopment(env)) problems.push(`${schema.app}: NODE_ENV is not production`);
    for (const problem of settingsProblems(schema, env)) problems.push(`${schema.app}: ${problem}`);

    const source = podOf(deployment);
    sources.push(source);
    for (const protocol of ['UDP', 'TCP'] as const) {
      needed.push({
        from: source.name,
        to: assumptions.dns.name,
        port: 53,
        protocol,
        because: 'DNS',
      });
    }
    for (const setting of schema.settings.filter((s) => CONNECTION_KINDS.includes(s.kind))) {
      const value = env[setting.name];
      if (!value) continue;
      for (const target of connectionTargets(setting, value)) {
        const resolved = resolve(target.host, target.port, resources, pods, assumptions);
        if ('problem' in resolved) {
          problems.push(`${schema.app}: ${setting.name} (${value}): ${resolved.problem}`);
          continue;
        }
        for (const { endpoint, port } of resolved.targets) {
          needed.push({
            from: source.name,
            to: endpoint.name,
            port,
            protocol: 'TCP',
            because: setting.name,
          });
        }
      }
    }
  }

  const endpoints = new Map<string, Endpoint>();
  for (const endpoint of [
    ...pods,
    ...Object.values(assumptions.services).map((s) => s.endpoint),
    assumptions.dns,
    assumptions.internet,
  ]) {
    endpoints.set(endpoint.name, endpoint);
  }
  const allowed = (source: PodEndpoint, target: Endpoint, port: number, protocol: Protocol) =>
    egressAllowed(policies, source, target, port, protocol) &&
    (target.kind === 'external' || ingressAllowed(policies, target, source, port, protocol));

  const neededKeys = new Set<string>();
  for (const edge of needed) {
    const key = edgeKey(edge);
    if (neededKeys.has(key)) continue;
    neededKeys.add(key);
    const source = sources.find((s) => s.name === edge.from) as PodEndpoint;
    const target = endpoints.get(edge.to) as Endpoint;
    if (!egressAllowed(policies, source, target, edge.port, edge.protocol)) {
      problems.push(`${key} (${edge.because}): no NetworkPolicy lets ${edge.from} connect`);
    } else if (
      target.kind === 'pod' &&
      !ingressAllowed(policies, target, source, edge.port, edge.protocol)
    ) {
      problems.push(`${key} (${edge.because}): no NetworkPolicy lets ${edge.to} accept it`);
    }
  }

  for (const source of sources) {
    for (const target of endpoints.values()) {
      for (const { port, protocol } of target.ports) {
        const key = edgeKey({ from: source.name, to: target.name, port, protocol });
        if (!neededKeys.has(key) && allowed(source, target, port, protocol)) {
          problems.push(`${key} is allowed, but no setting of ${source.name} names it`);
        }
      }
    }
  }
  return { problems, needed };
}
