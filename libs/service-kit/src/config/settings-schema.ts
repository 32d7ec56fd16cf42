/**
 * A machine-readable list of the settings an app reads. Each app declares its list once
 * (apps/<app>/src/config/<app>.settings.ts); the service checks it at start, and the
 * deployment tests (test/integration/deployment) read the same lists to prove that compose and
 * every Kubernetes overlay give each app what it needs and let it reach what its settings name.
 * Framework-free on purpose: the tests import it without NestJS.
 */
import type { ServiceName } from './infrastructure.config';

/**
 * What a value is. The first four name a connection the app makes (the deployment tests turn
 * them into network edges); the others are checked for shape only.
 */
export type SettingKind =
  | 'service-url' // http(s) base URL of another service of ours (`service` says which)
  | 'kafka-brokers' // comma separated host:port list
  | 'mongo-url' // mongodb:// connection string
  | 'smtp-url' // smtp:// or smtps:// URL of the mail relay
  | 'public-url' // an address people open in a browser, never a connection of the app
  | 'email' // an address, bare or as `Name <address>`
  | 'secret' // a credential: present or not, its value is never echoed
  | 'port' // 1–65535
  | 'number' // validated by the app's own config reader
  | 'text';

export const CONNECTION_KINDS: readonly SettingKind[] = [
  'service-url',
  'kafka-brokers',
  'mongo-url',
  'smtp-url',
];

/**
 * `required`: always. `outside-development`: a default exists for the local stack and tests,
 * but in production a missing value would silently point at 127.0.0.1, so the app refuses to
 * start. `optional`: the default is right everywhere.
 */
export type SettingRequirement = 'required' | 'outside-development' | 'optional';

export interface SettingDeclaration {
  /** The environment variable. */
  name: string;
  kind: SettingKind;
  requirement: SettingRequirement;
  /** For `service-url`: the service it points at. */
  service?: ServiceName;
  /**
   * Variables that satisfy the requirement instead, e.g. `<NAME>_FILE`, the path of a mounted
   * secret holding the value.
   */
  alternatives?: readonly string[];
  /** What the app does with it; shown when it is missing. */
  description: string;
}

export interface AppSettings {
  app: ServiceName;
  settings: readonly SettingDeclaration[];
}

/** One host:port an app connects to, derived from a connection setting's value. */
export interface ConnectionTarget {
  setting: string;
  kind: SettingKind;
  host: string;
  port: number;
}

/**
 * Production is the one mode without defaults: `NODE_ENV=production`, which the Dockerfile,
 * docker-compose.yml and the k8s ConfigMap all set. The local stack and Jest leave it unset
 * or `test`, so they keep the loopback defaults.
 */
export function isDevelopment(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV?.trim() !== 'production';
}

/** An app's list: later declarations replace earlier ones of the same name. */
export function defineAppSettings(
  app: ServiceName,
  ...groups: readonly (readonly SettingDeclaration[])[]
): AppSettings {
  const byName = new Map<string, SettingDeclaration>();
  for (const setting of groups.flat()) byName.set(setting.name, setting);
  return { app, settings: [...byName.values()] };
}

/** The settings that must have a value in this mode. */
export function requiredSettings(schema: AppSettings, development: boolean): SettingDeclaration[] {
  return schema.settings.filter(
    (setting) =>
      setting.requirement === 'required' ||
      (setting.requirement === 'outside-development' && !development),
  );
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** Whether `env` gives the setting a value, itself or through one of its alternatives. */
export function isSettingPresent(setting: SettingDeclaration, env: NodeJS.ProcessEnv): boolean {
  return [setting.name, ...(setting.alternatives ?? [])].some((name) => present(env[name]));
}

/** Every missing or malformed setting of `schema` in `env`, one readable line each. */
export function settingsProblems(
  schema: AppSettings,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const development = isDevelopment(env);
  const required = new Set(requiredSettings(schema, development).map((s) => s.name));
  const problems: string[] = [];
  for (const setting of schema.settings) {
    const value = env[setting.name];
    if (!present(value)) {
      if (required.has(setting.name) && !isSettingPresent(setting, env)) {
        const when = setting.requirement === 'required' ? 'required' : 'required in production';
        const or = setting.alternatives?.length ? ` (or ${setting.alternatives.join(', ')})` : '';
        problems.push(`${setting.name}${or} is missing (${when}): ${setting.description}`);
      }
      continue;
    }
    const reason = shapeProblem(setting, value);
    if (reason) {
      const shown = setting.kind === 'secret' ? '' : `, got "${value}"`;
      problems.push(`${setting.name} ${reason}${shown}`);
    }
  }
  return problems;
}

/**
 * Stops a service whose settings are incomplete, with one message naming every problem, so an
 * operator fixes them in one round instead of one restart each.
 */
export function assertSettings(schema: AppSettings, env: NodeJS.ProcessEnv = process.env): void {
  const problems = settingsProblems(schema, env);
  if (problems.length === 0) return;
  const mode = isDevelopment(env) ? 'development' : 'production (NODE_ENV=production)';
  throw new Error(
    `${schema.app} cannot start in ${mode}: ${problems.length} setting(s) missing or invalid\n` +
      problems.map((problem) => `  - ${problem}`).join('\n'),
  );
}

function shapeProblem(setting: SettingDeclaration, value: string): string | null {
  switch (setting.kind) {
    case 'service-url':
    case 'public-url':
      return urlProblem(value, ['http:', 'https:']);
    case 'smtp-url':
      return urlProblem(value, ['smtp:', 'smtps:']);
    case 'mongo-url':
      return /^mongodb(\+srv)?:\/\/[^/?]+/.test(value.trim())
        ? null
        : 'must be a mongodb:// connection string';
    case 'kafka-brokers':
      return brokerList(value).every((broker) => hostPort(broker) !== null) &&
        brokerList(value).length > 0
        ? null
        : 'must be a comma separated list of host:port';
    case 'email':
      return /^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>\s*$/.test(value.trim())
        ? null
        : 'must be an email address, bare or as "Name <address>"';
    case 'port': {
      const port = Number(value);
      return Number.isInteger(port) && port >= 1 && port <= 65535
        ? null
        : 'must be a port number (1–65535)';
    }
    default:
      return null;
  }
}

function urlProblem(value: string, protocols: string[]): string | null {
  try {
    const url = new URL(value.trim());
    return protocols.includes(url.protocol) ? null : `must be a ${protocols.join(' or ')} URL`;
  } catch {
    return `must be a ${protocols.join(' or ')} URL`;
  }
}

function brokerList(value: string): string[] {
  return value
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
}

function hostPort(entry: string): { host: string; port: number } | null {
  const match = /^([^:/\s]+):(\d{1,5})$/.exec(entry.trim());
  return match ? { host: match[1], port: Number(match[2]) } : null;
}

/** Default ports when a URL names none: the ones the clients (fetch, nodemailer, mongodb) use. */
const DEFAULT_PORTS: Record<string, number> = {
  'http:': 80,
  'https:': 443,
  'smtp:': 587,
  'smtps:': 465,
};

/**
 * The host:port pairs a connection setting makes the app connect to (several for a broker list
 * or a replica-set URL); empty for other kinds and for values that do not parse.
 */
export function connectionTargets(setting: SettingDeclaration, value: string): ConnectionTarget[] {
  const target = (host: string, port: number): ConnectionTarget => ({
    setting: setting.name,
    kind: setting.kind,
    host,
    port,
  });
  switch (setting.kind) {
    case 'service-url':
    case 'smtp-url': {
      try {
        const url = new URL(value.trim());
        return [target(url.hostname, Number(url.port) || DEFAULT_PORTS[url.protocol])];
      } catch {
        return [];
      }
    }
    case 'kafka-brokers':
      return brokerList(value).flatMap((broker) => {
        const parsed = hostPort(broker);
        return parsed ? [target(parsed.host, parsed.port)] : [];
      });
    case 'mongo-url': {
      // mongodb://user:pass@a:27017,b:27017/db?opts — the URL class cannot parse host lists.
      const hosts = /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/.exec(value.trim())?.[1];
      return (hosts ?? '')
        .split(',')
        .filter(Boolean)
        .map((entry) => {
          const [host, port] = entry.split(':');
          return target(host, Number(port) || 27017);
        });
    }
    default:
      return [];
  }
}

/** An optional numeric tuning setting (limits, intervals, lifetimes). */
export function optionalNumber(name: string, description: string): SettingDeclaration {
  return { name, kind: 'number', requirement: 'optional', description };
}
