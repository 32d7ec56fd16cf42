/**
 * What a rendered Deployment means to the wiring check: the pod it runs (labels, ports) and
 * the environment its container starts with, resolved through the ConfigMaps and Secrets it
 * names — rendered ones, or the hand-made Secrets the cluster is assumed to hold.
 */
import type { K8sResource } from '../deployment-files';
import type { PodEndpoint, Protocol } from './network-policy';
import { ClusterAssumptions, NAMESPACE } from './cluster-assumptions';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string };
    secretKeyRef?: { name: string; key: string; optional?: boolean };
  };
}

export interface Container {
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

export function podOf(deployment: K8sResource): PodEndpoint {
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
export function containerEnv(
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
    if (value === undefined && secretKeyRef?.optional) continue;
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
