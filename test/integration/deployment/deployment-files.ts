/**
 * Readers for the deployment files (docker-compose.yml, Dockerfile, k8s/), shared by the
 * deployment specs. They parse the files as written, without Docker or a cluster, so the
 * files stay in line with the code on machines that have neither.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load, loadAll } from 'js-yaml';

export const ROOT = resolve(__dirname, '../../..');

export type Yaml = Record<string, unknown>;

/** A Kubernetes object as far as the specs look at it. */
export interface K8sResource extends Yaml {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> } & Yaml;
  spec?: Yaml;
}

export function readText(relativePath: string): string {
  return readFileSync(join(ROOT, relativePath), 'utf8');
}

/**
 * Applies YAML merge keys (`<<: *anchor`) the way Docker Compose does. Done here rather
 * than by the parser because js-yaml 4 merges by default and js-yaml 5 does not.
 */
export function resolveMergeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveMergeKeys);
  if (value === null || typeof value !== 'object') return value;
  const result: Yaml = {};
  const source = value as Yaml;
  const merged = source['<<'];
  for (const base of Array.isArray(merged) ? merged : merged ? [merged] : []) {
    Object.assign(result, resolveMergeKeys(base));
  }
  for (const [key, entry] of Object.entries(source)) {
    if (key !== '<<') result[key] = resolveMergeKeys(entry);
  }
  return result;
}

export function readYaml(relativePath: string): Yaml {
  return resolveMergeKeys(load(readText(relativePath))) as Yaml;
}

/** Application projects of the Nest monorepo (nest-cli.json), i.e. the deployable services. */
export function nestApplications(): string[] {
  const nestCli = JSON.parse(readText('nest-cli.json')) as {
    projects: Record<string, { type: string }>;
  };
  return Object.entries(nestCli.projects)
    .filter(([, project]) => project.type === 'application')
    .map(([name]) => name)
    .sort();
}

/** What one kustomization directory contributes, its `resources` followed recursively. */
export interface Kustomization {
  resources: K8sResource[];
  /** configMapGenerator literals by ConfigMap name, `KEY=value` split into a record. */
  configMapLiterals: Record<string, Record<string, string>>;
}

export function readKustomization(relativeDir: string): Kustomization {
  const file = join(relativeDir, 'kustomization.yaml');
  if (!existsSync(join(ROOT, file))) throw new Error(`${file} does not exist`);
  const kustomization = readYaml(file) as {
    resources?: string[];
    configMapGenerator?: { name: string; literals?: string[] }[];
  };
  const result: Kustomization = { resources: [], configMapLiterals: {} };
  for (const generator of kustomization.configMapGenerator ?? []) {
    result.configMapLiterals[generator.name] = Object.fromEntries(
      (generator.literals ?? []).map((literal) => {
        const at = literal.indexOf('=');
        return [literal.slice(0, at), literal.slice(at + 1)];
      }),
    );
  }
  for (const entry of kustomization.resources ?? []) {
    const path = join(relativeDir, entry);
    if (statSync(join(ROOT, path)).isDirectory()) {
      const nested = readKustomization(path);
      result.resources.push(...nested.resources);
      Object.assign(result.configMapLiterals, nested.configMapLiterals);
    } else {
      const documents = loadAll(readText(path)).filter(Boolean) as K8sResource[];
      result.resources.push(...documents);
    }
  }
  return result;
}

export function findResource(resources: K8sResource[], kind: string, name: string): K8sResource {
  const found = resources.find((r) => r.kind === kind && r.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named "${name}" in the k8s base`);
  return found;
}

/** Services that consume events and therefore own a dead-letter topic. */
export const CONSUMING_SERVICES = [
  'identity',
  'registry',
  'ordering',
  'notifications',
  'operations',
  'telemetry',
];

const TOPICS_FILE = 'libs/contracts/src/topics.ts';

/**
 * The topics every deployment must declare: all values of `Topics` from the contracts
 * library plus one dead-letter topic per consuming service. Returns a reason instead when
 * the contracts file does not (yet) export `Topics`.
 */
export async function expectedTopics(): Promise<string[]> {
  const { Topics } = (await import(join(ROOT, TOPICS_FILE).replace(/\.ts$/, ''))) as {
    Topics: Record<string, string>;
  };
  const deadLetters = CONSUMING_SERVICES.map((service) => `${service}.dead-letter.v1`);
  return [...new Set([...Object.values(Topics), ...deadLetters])].sort();
}

/**
 * Topics a deployment file lacks or has in excess, compared with `expected`. A topic added
 * to Topics must be declared in docker-compose.yml (kafka-topics) and k8s/base/kafka.
 */
export function topicDifference(
  declared: string[],
  expected: string[],
): { missing: string[]; notInContracts: string[] } {
  return {
    missing: expected.filter((topic) => !declared.includes(topic)),
    notInContracts: declared.filter((topic) => !expected.includes(topic)),
  };
}

/**
 * A check that the offline deployment tools are installed: reported as skipped (with the
 * reason) where they are missing, and failing in CI, where `npm test` installs them.
 */
export function itHasTools(title: string, missing: readonly string[]): void {
  const hint = `missing ${missing.join(', ')}: run bash scripts/ensure-k8s-tools.sh`;
  if (missing.length > 0 && !process.env.CI) {
    // Skipped on purpose, with its reason in the title: a developer machine without the k8s
    // validators (kubeconform, kustomize) cannot run this check; CI installs them and never skips.
    it.skip(`${title} [skipped: ${hint}]`, () => undefined);
    return;
  }
  it(title, () => {
    if (missing.length > 0) throw new Error(hint);
  });
}
