/**
 * Renders k8s/overlays/{dev,prod} with a real kustomize and validates every object against
 * the Kubernetes OpenAPI schemas with kubernetes-validate (schemas bundled, works offline).
 * Both tools are installed into .cache/ by scripts/ensure-k8s-tools.sh (run by `npm test`);
 * in CI a missing tool fails the suite, on a developer machine it is reported as skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { K8sResource, ROOT, itHasTools } from './deployment-files';

const KUSTOMIZE = join(ROOT, '.cache/bin/kustomize');
const VALIDATOR = join(ROOT, '.cache/k8s-venv/bin/kubernetes-validate');
const OVERLAYS = ['dev', 'prod'] as const;
const missingTools = [KUSTOMIZE, VALIDATOR].filter((tool) => !existsSync(tool));

function render(overlay: string): { text: string; resources: K8sResource[] } {
  const result = spawnSync(KUSTOMIZE, ['build', `k8s/overlays/${overlay}`], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) {
    throw new Error(`kustomize build failed for ${overlay}: ${result.stderr || result.error}`);
  }
  return {
    text: result.stdout,
    resources: loadAll(result.stdout).filter(Boolean) as K8sResource[],
  };
}

const spec = (resources: K8sResource[], kind: string, name: string) =>
  resources.find((r) => r.kind === kind && r.metadata.name === name)?.spec as
    Record<string, unknown> | undefined;

const describeWithTools = missingTools.length === 0 ? describe : describe.skip;

describe('deployment: k8s overlays (tools)', () => {
  itHasTools('has kustomize and kubernetes-validate (scripts/ensure-k8s-tools.sh)', missingTools);
});

describeWithTools('deployment: k8s overlays (rendered)', () => {
  const rendered = Object.fromEntries(OVERLAYS.map((overlay) => [overlay, render(overlay)]));

  it.each(OVERLAYS)(
    '%s: every object is valid against the Kubernetes schemas (strict)',
    (overlay) => {
      const dir = mkdtempSync(join(tmpdir(), 'k8s-validate-'));
      const file = join(dir, `${overlay}.yaml`);
      writeFileSync(file, rendered[overlay].text);
      const result = spawnSync(VALIDATOR, ['--strict', '--quiet', '--no-warn', file], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(`${result.stdout}${result.stderr}`.split('\n').filter((l) => /ERROR/.test(l))).toEqual(
        [],
      );
      expect(result.status).toBe(0);
    },
  );

  it.each(OVERLAYS)(
    '%s: KafkaTopics (no schema bundled) have a name, partitions, replicas',
    (overlay) => {
      const topics = rendered[overlay].resources.filter((r) => r.kind === 'KafkaTopic');
      expect(topics.length).toBeGreaterThan(0);
      for (const topic of topics) {
        expect(topic.apiVersion).toBe('kafka.strimzi.io/v1beta2');
        expect(topic.metadata.labels?.['strimzi.io/cluster']).toBe('metered-kafka');
        expect(topic.spec).toEqual(
          expect.objectContaining({
            topicName: expect.stringMatching(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v\d+$/),
            partitions: expect.any(Number),
            replicas: expect.any(Number),
          }),
        );
      }
    },
  );

  it.each(OVERLAYS)(
    '%s: only the gateway accepts traffic from outside the namespace',
    (overlay) => {
      const policies = rendered[overlay].resources.filter((r) => r.kind === 'NetworkPolicy');
      const open: string[] = [];
      for (const policy of policies) {
        const body = policy.spec as {
          podSelector: { matchLabels?: Record<string, string> };
          ingress?: { from?: Record<string, unknown>[] }[];
        };
        const selectsOnlyGateway =
          body.podSelector.matchLabels?.['app.kubernetes.io/name'] === 'gateway';
        for (const rule of body.ingress ?? []) {
          const fromOutside =
            !rule.from ||
            rule.from.some((peer) => 'ipBlock' in peer || 'namespaceSelector' in peer);
          if (fromOutside && !selectsOnlyGateway) open.push(policy.metadata.name);
        }
      }
      // Mailpit's UI (dev only) is the one other exception, for developers.
      expect(open.filter((name) => !/mailpit/.test(name))).toEqual([]);
      expect(policies.map((p) => p.metadata.name)).toContain('default-deny-ingress');
    },
  );

  it('dev: one replica, HPAs from 1, Mailpit, everything in the namespace', () => {
    const dev = rendered.dev.resources;
    expect(spec(dev, 'Deployment', 'identity')?.replicas).toBe(1);
    expect(spec(dev, 'Deployment', 'operations')?.replicas).toBe(1);
    expect(spec(dev, 'HorizontalPodAutoscaler', 'gateway')?.minReplicas).toBe(1);
    expect(spec(dev, 'Deployment', 'mailpit')).toBeDefined();
    const namespaced = dev.filter((r) => r.kind !== 'Namespace');
    expect(namespaced.filter((r) => r.metadata.namespace !== 'metered-supplies')).toEqual([]);
    // The generated Secret's hashed name must reach the Deployments that use it.
    const secret = dev.find((r) => r.kind === 'Secret')?.metadata.name ?? '';
    expect(secret).toMatch(/^metered-infrastructure-/);
    expect(JSON.stringify(spec(dev, 'Deployment', 'ordering'))).toContain(`"name":"${secret}"`);
  });

  it('prod: at least two replicas, replicated topics, six partitions for orders', () => {
    const prod = rendered.prod.resources;
    for (const app of ['identity', 'registry', 'notifications']) {
      expect(spec(prod, 'Deployment', app)?.replicas).toBeGreaterThanOrEqual(2);
    }
    for (const app of ['gateway', 'ordering']) {
      expect(spec(prod, 'HorizontalPodAutoscaler', app)?.minReplicas).toBeGreaterThanOrEqual(2);
    }
    const topics = prod.filter((r) => r.kind === 'KafkaTopic');
    expect(topics.filter((t) => (t.spec as { replicas: number }).replicas !== 3)).toEqual([]);
    expect(spec(prod, 'KafkaTopic', 'ordering-order-v1')?.partitions).toBe(6);
    expect(prod.some((r) => r.kind === 'Deployment' && r.metadata.name === 'mailpit')).toBe(false);
  });
});
