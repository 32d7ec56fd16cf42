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
} from '@metered/service-kit/config';
import type { K8sResource } from '../deployment-files';
import { ClusterAssumptions, NAMESPACE } from './cluster-assumptions';
import { containerEnv, podOf, podTemplateOf } from './k8s-pods';
import {
  egressAllowed,
  Endpoint,
  ingressAllowed,
  NetworkPolicy,
  PodEndpoint,
  Protocol,
} from './network-policy';

export type { ClusterAssumptions } from './cluster-assumptions';
export { NAMESPACE } from './cluster-assumptions';
export { podTemplateOf } from './k8s-pods';

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
