/**
 * Kubernetes NetworkPolicy semantics, enough to answer "may pod A open a connection to B on
 * port P?" from rendered manifests: pod and namespace selectors (matchLabels and
 * matchExpressions), ipBlock (for addresses outside the cluster), numbered and named ports,
 * protocols, and isolation (a pod no policy selects for a direction may do anything in it).
 * Policies add up: a connection needs an egress allowance at the source and, when the target is
 * a pod, an ingress allowance at the target.
 */

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

interface PolicyPort {
  port?: number | string;
  endPort?: number;
  protocol?: string;
}

interface PolicyRule {
  from?: PolicyPeer[];
  to?: PolicyPeer[];
  ports?: PolicyPort[];
}

export interface NetworkPolicy {
  metadata: { name: string; namespace?: string };
  spec: {
    podSelector: LabelSelector;
    policyTypes?: string[];
    ingress?: PolicyRule[];
    egress?: PolicyRule[];
  };
}

export type Protocol = 'TCP' | 'UDP';

/** A pod as a policy sees it: labels, namespace, and the ports its containers declare. */
export interface PodEndpoint {
  kind: 'pod';
  name: string;
  namespace: string;
  labels: Record<string, string>;
  ports: { port: number; name?: string; protocol: Protocol }[];
}

/** Something outside the cluster, reached by IP (e.g. an SMTP relay). */
export interface ExternalEndpoint {
  kind: 'external';
  name: string;
  ip: string;
  ports: { port: number; protocol: Protocol }[];
}

export type Endpoint = PodEndpoint | ExternalEndpoint;

export function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  const plain = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const expressions = (selector.matchExpressions ?? []).every(({ key, operator, values }) => {
    switch (operator) {
      case 'In':
        return key in labels && (values ?? []).includes(labels[key]);
      case 'NotIn':
        return !(key in labels) || !(values ?? []).includes(labels[key]);
      case 'Exists':
        return key in labels;
      case 'DoesNotExist':
        return !(key in labels);
      default:
        throw new Error(`unknown selector operator ${operator}`);
    }
  });
  return plain && expressions;
}

/** The label every namespace carries since Kubernetes 1.22. */
function namespaceLabels(namespace: string): Record<string, string> {
  return { 'kubernetes.io/metadata.name': namespace };
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipToNumber(base) / size) * size;
  const value = ipToNumber(ip);
  return value >= start && value < start + size;
}

function peerMatches(peer: PolicyPeer, policyNamespace: string, other: Endpoint): boolean {
  if (peer.ipBlock) {
    // Pod addresses are not stable, so an ipBlock is read as "outside the cluster" only.
    if (other.kind !== 'external') return false;
    const { cidr, except = [] } = peer.ipBlock;
    return inCidr(other.ip, cidr) && !except.some((excluded) => inCidr(other.ip, excluded));
  }
  if (other.kind !== 'pod') return false;
  if (!peer.podSelector && !peer.namespaceSelector) return false;
  const namespaceOk = peer.namespaceSelector
    ? selectorMatches(peer.namespaceSelector, namespaceLabels(other.namespace))
    : other.namespace === policyNamespace;
  const podOk = peer.podSelector ? selectorMatches(peer.podSelector, other.labels) : true;
  return namespaceOk && podOk;
}

/** `portOwner` is the pod whose container port names a named port refers to. */
function portMatches(
  rulePorts: PolicyPort[] | undefined,
  port: number,
  protocol: Protocol,
  portOwner: Endpoint,
): boolean {
  if (!rulePorts || rulePorts.length === 0) return true;
  return rulePorts.some((rule) => {
    if ((rule.protocol ?? 'TCP') !== protocol) return false;
    if (rule.port === undefined) return true;
    if (typeof rule.port === 'string') {
      if (portOwner.kind !== 'pod') return false;
      return portOwner.ports.some(
        (p) => p.name === rule.port && p.port === port && p.protocol === protocol,
      );
    }
    return rule.endPort ? port >= rule.port && port <= rule.endPort : port === rule.port;
  });
}

function policyTypes(policy: NetworkPolicy): string[] {
  return policy.spec.policyTypes ?? ['Ingress', ...(policy.spec.egress ? ['Egress'] : [])];
}

function selecting(
  policies: NetworkPolicy[],
  pod: PodEndpoint,
  direction: 'Ingress' | 'Egress',
): NetworkPolicy[] {
  return policies.filter(
    (policy) =>
      (policy.metadata.namespace ?? pod.namespace) === pod.namespace &&
      policyTypes(policy).includes(direction) &&
      selectorMatches(policy.spec.podSelector, pod.labels),
  );
}

/** May `source` open a connection to `target` on port/protocol, as far as its egress goes? */
export function egressAllowed(
  policies: NetworkPolicy[],
  source: PodEndpoint,
  target: Endpoint,
  port: number,
  protocol: Protocol = 'TCP',
): boolean {
  const applicable = selecting(policies, source, 'Egress');
  if (applicable.length === 0) return true;
  return applicable.some((policy) =>
    (policy.spec.egress ?? []).some(
      (rule) =>
        (!rule.to ||
          rule.to.length === 0 ||
          rule.to.some((peer) => peerMatches(peer, source.namespace, target))) &&
        portMatches(rule.ports, port, protocol, target),
    ),
  );
}

/** May `target` accept a connection from `source` on port/protocol, as far as its ingress goes? */
export function ingressAllowed(
  policies: NetworkPolicy[],
  target: PodEndpoint,
  source: Endpoint,
  port: number,
  protocol: Protocol = 'TCP',
): boolean {
  const applicable = selecting(policies, target, 'Ingress');
  if (applicable.length === 0) return true;
  return applicable.some((policy) =>
    (policy.spec.ingress ?? []).some(
      (rule) =>
        (!rule.from ||
          rule.from.length === 0 ||
          rule.from.some((peer) => peerMatches(peer, target.namespace, source))) &&
        portMatches(rule.ports, port, protocol, target),
    ),
  );
}
