/**
 * The NetworkPolicy rules the wiring check relies on, each on a two-pod example, so a
 * misread rule cannot make the deployment check pass by accident.
 */
import {
  egressAllowed,
  ExternalEndpoint,
  ingressAllowed,
  NetworkPolicy,
  PodEndpoint,
} from './network-policy';

const pod = (name: string, namespace = 'shop', port = 8080): PodEndpoint => ({
  kind: 'pod',
  name,
  namespace,
  labels: { app: name },
  ports: [{ port, name: 'http', protocol: 'TCP' }],
});
const web = pod('web');
const api = pod('api');
const dns = pod('dns', 'kube-system', 53);
const relay: ExternalEndpoint = { kind: 'external', name: 'relay', ip: '198.51.100.7', ports: [] };

const policy = (spec: NetworkPolicy['spec']): NetworkPolicy => ({
  metadata: { name: 'p', namespace: 'shop' },
  spec,
});

describe('NetworkPolicy semantics of the wiring check', () => {
  it('leaves a pod that no policy selects unrestricted in that direction', () => {
    const ingressOnly = policy({ podSelector: { matchLabels: { app: 'api' } }, ingress: [] });
    expect(egressAllowed([ingressOnly], web, api, 8080)).toBe(true);
    expect(ingressAllowed([ingressOnly], api, web, 8080)).toBe(false);
  });

  it('resolves a named port against the target pod’s container ports', () => {
    const egress = policy({
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Egress'],
      egress: [
        { to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 'http' }] },
      ],
    });
    expect(egressAllowed([egress], web, api, 8080)).toBe(true);
    expect(egressAllowed([egress], web, api, 9090)).toBe(false);
  });

  it('needs both selectors of one peer (namespace AND pod), and keeps protocols apart', () => {
    const egress = policy({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
              podSelector: { matchLabels: { app: 'dns' } },
            },
          ],
          ports: [{ port: 53, protocol: 'UDP' }],
        },
      ],
    });
    expect(egressAllowed([egress], web, dns, 53, 'UDP')).toBe(true);
    expect(egressAllowed([egress], web, dns, 53, 'TCP')).toBe(false);
    expect(egressAllowed([egress], web, pod('dns', 'shop', 53), 53, 'UDP')).toBe(false);
  });

  it('reads an ipBlock as addresses outside the cluster, minus its exceptions', () => {
    const egress = (except: string[]) =>
      policy({
        podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] },
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except } }], ports: [{ port: 587 }] }],
      });
    expect(egressAllowed([egress([])], web, relay, 587)).toBe(true);
    expect(egressAllowed([egress(['198.51.100.0/24'])], web, relay, 587)).toBe(false);
    expect(egressAllowed([egress([])], web, api, 587)).toBe(false);
    expect(egressAllowed([egress([])], api, relay, 25)).toBe(true);
  });
});
