import type { ExternalEndpoint, PodEndpoint } from './network-policy';

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
