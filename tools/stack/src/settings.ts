import { SERVICE_NAMES, ServiceName, servicePort } from '../../../libs/service-kit/src/config';
import { StackError } from './errors';
import { resolveStackPaths, StackPaths } from './paths';
import {
  brokerPorts,
  instanceCount,
  instanceName,
  parseInstance,
  readShape,
  StackShape,
} from './shape';

export type InfraName = 'postgres' | 'ferretdb' | 'kafka' | 'mailpit';
/** The warehouse stand-in (tools/fulfilment-simulator): one process, whatever the shape. */
export const SIMULATOR_NAME = 'fulfilment-simulator' as const;
/** A component: its plain name (the first instance) or `<name>#<n>` (ordering#2, kafka#3). */
export type BaseComponentName = InfraName | ServiceName | typeof SIMULATOR_NAME;
export type ComponentName = BaseComponentName | `${'kafka' | ServiceName}#${number}`;
export const INFRA_NAMES: readonly InfraName[] = ['postgres', 'ferretdb', 'kafka', 'mailpit'];
export const APP_NAMES: readonly ServiceName[] = SERVICE_NAMES;
export const COMPONENT_NAMES: readonly BaseComponentName[] = [
  ...INFRA_NAMES,
  ...APP_NAMES,
  SIMULATOR_NAME,
];

export type DbBackendChoice = 'postgresql' | 'sqlite' | 'auto';

export interface StackPorts {
  kafka: number;
  /** KRaft controller listener; KAFKA_CONTROLLER_PORT, default KAFKA_PORT + 1. */
  kafkaController: number;
  mongo: number;
  /** FerretDB's metrics (`/debug/metrics`, read by `npm run bench`) and Go pprof; FERRETDB_DEBUG_PORT. */
  ferretdbDebug: number;
  postgres: number;
  smtp: number;
  mailUi: number;
  /** The fulfilment simulator's /health; FULFILMENT_SIMULATOR_PORT, default GATEWAY_PORT + 9. */
  fulfilmentSimulator: number;
}

/** Infrastructure the environment points at instead of letting the stack run it. */
export interface ExternalInfra {
  kafkaBrokers?: string;
  mongoUrl?: string;
  smtpUrl?: string;
  mailCaptureUrl?: string;
}

export interface StackSettings {
  env: NodeJS.ProcessEnv;
  paths: StackPaths;
  ports: StackPorts;
  external: ExternalInfra;
  dbBackend: DbBackendChoice;
  /** FULFILMENT_SIMULATOR (on): a plain `up` starts the fulfilment simulator too; off leaves it out. */
  fulfilmentSimulator: boolean;
  /** Replicas of every service and Kafka brokers (STACK_REPLICAS, STACK_BROKERS; shape.ts). */
  shape: StackShape;
  mongoDbPrefix: string;
  /** Set by the test setup: everything started while it is set is tagged with it. */
  session?: string;
  /** STACK_READY_TIMEOUT (seconds) replaces every component's own readiness timeout. */
  readyTimeoutMs?: number;
  verbose: boolean;
}

/**
 * Default PostgreSQL port: not 5432, so the stack never collides with a system cluster
 * (installing Debian's postgresql package creates and starts one there).
 */
export const DEFAULT_POSTGRES_PORT = 54329;

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new StackError(`${name} must be a port number (1-65535), got "${raw}"`);
  }
  return value;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['on', 'true', '1'].includes(raw)) return true;
  if (['off', 'false', '0'].includes(raw)) return false;
  throw new StackError(`${name} must be on or off, got "${env[name]}"`);
}

function dbBackend(raw: string | undefined): DbBackendChoice {
  if (!raw) return 'auto';
  if (raw === 'postgresql' || raw === 'sqlite') return raw;
  throw new StackError(`STACK_DB_BACKEND must be "postgresql" or "sqlite", got "${raw}"`);
}

/**
 * STACK_MANAGED lists infrastructure the stack itself runs even though KAFKA_BROKERS etc. are
 * set: the test setup exports those URLs to the workers, which must still treat them as ours.
 */
function managedList(env: NodeJS.ProcessEnv): Set<string> {
  return new Set(
    (env.STACK_MANAGED ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
}

function externalInfra(env: NodeJS.ProcessEnv): ExternalInfra {
  const managed = managedList(env);
  const given = (name: string, component: InfraName): string | undefined =>
    env[name] && !managed.has(component) ? env[name] : undefined;
  const smtpUrl = given('SMTP_URL', 'mailpit');
  return {
    kafkaBrokers: given('KAFKA_BROKERS', 'kafka'),
    mongoUrl: given('MONGO_URL', 'ferretdb'),
    smtpUrl,
    // A capture URL only means something next to an external SMTP server; a local Mailpit has its own.
    mailCaptureUrl: smtpUrl ? env.MAIL_CAPTURE_URL || undefined : undefined,
  };
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): StackSettings {
  const kafka = port(env, 'KAFKA_PORT', 9092);
  const timeout = env.STACK_READY_TIMEOUT;
  if (timeout && !(Number(timeout) > 0)) {
    throw new StackError(`STACK_READY_TIMEOUT must be a number of seconds, got "${timeout}"`);
  }
  const paths = resolveStackPaths(env);
  return {
    env,
    paths,
    ports: {
      kafka,
      kafkaController: port(env, 'KAFKA_CONTROLLER_PORT', kafka + 1),
      mongo: port(env, 'MONGO_PORT', 27017),
      ferretdbDebug: port(env, 'FERRETDB_DEBUG_PORT', 8088),
      postgres: port(env, 'POSTGRES_PORT', DEFAULT_POSTGRES_PORT),
      smtp: port(env, 'SMTP_PORT', 1025),
      mailUi: port(env, 'MAIL_UI_PORT', 8025),
      fulfilmentSimulator: port(env, 'FULFILMENT_SIMULATOR_PORT', servicePort('gateway', env) + 9),
    },
    external: externalInfra(env),
    dbBackend: dbBackend(env.STACK_DB_BACKEND),
    fulfilmentSimulator: onOff(env, 'FULFILMENT_SIMULATOR', true),
    shape: readShape(env, paths.stackDir),
    mongoDbPrefix: env.MONGO_DB_PREFIX || 'metered',
    session: env.STACK_SESSION || undefined,
    readyTimeoutMs: timeout ? Number(timeout) * 1000 : undefined,
    verbose: env.STACK_VERBOSE === '1' || env.CI === 'true' || env.CI === '1',
  };
}

/**
 * What a plain `up` starts (PostgreSQL comes in as FerretDB's dependency): the infrastructure,
 * every app and — unless FULFILMENT_SIMULATOR=off — the fulfilment simulator.
 */
export function plainUpNames(settings: StackSettings, infraOnly = false): BaseComponentName[] {
  const infra = INFRA_NAMES.filter((name) => name !== 'postgres');
  if (infraOnly) return infra;
  return [...infra, ...APP_NAMES, ...(settings.fulfilmentSimulator ? [SIMULATOR_NAME] : [])];
}

/** The connection settings the apps get: external ones as given, else the local ones. */
export interface InfraUrls {
  KAFKA_BROKERS: string;
  MONGO_URL: string;
  SMTP_URL: string;
  MAIL_CAPTURE_URL: string;
}

export function infraUrls(settings: StackSettings): InfraUrls {
  const { external } = settings;
  return {
    KAFKA_BROKERS: external.kafkaBrokers ?? localBrokers(settings).join(','),
    MONGO_URL: external.mongoUrl ?? `mongodb://127.0.0.1:${settings.ports.mongo}`,
    SMTP_URL: external.smtpUrl ?? `smtp://127.0.0.1:${settings.ports.smtp}`,
    MAIL_CAPTURE_URL: external.smtpUrl
      ? (external.mailCaptureUrl ?? '')
      : `http://127.0.0.1:${settings.ports.mailUi}`,
  };
}

/** host:port of every broker the stack runs in this shape (KAFKA_PORT, +2, +4 …). */
export function localBrokers(settings: StackSettings): string[] {
  return Array.from(
    { length: settings.shape.brokers },
    (_, at) => `127.0.0.1:${brokerPorts(settings.ports, at + 1).kafka}`,
  );
}

/** A plain component name, or `<kafka|service>#<n>` for n ≥ 2 (whether n exists depends on the shape). */
export function isComponentName(name: string): name is ComponentName {
  const instance = parseInstance(name);
  if (!instance || !(COMPONENT_NAMES as readonly string[]).includes(instance.base)) return false;
  return instance.index === 1
    ? !name.includes('#')
    : instance.base === 'kafka' || isAppName(instance.base);
}

/** The plain name of an instance: `ordering#2` → `ordering`. */
export function baseName(name: ComponentName): BaseComponentName {
  return (parseInstance(name)?.base ?? name) as BaseComponentName;
}

/** Every instance of the named components in this shape: `ordering` → ordering, ordering#2. */
export function instancesOf(base: BaseComponentName, shape: StackShape): ComponentName[] {
  const count = instanceCount(base, shape, isAppName(base));
  return Array.from({ length: count }, (_, at) => instanceName(base, at + 1) as ComponentName);
}

/** Plain names stand for all their instances; `ordering#2` for itself only. */
export function expandNames(names: readonly ComponentName[], shape: StackShape): ComponentName[] {
  return [
    ...new Set(
      names.flatMap((name) => (name.includes('#') ? [name] : instancesOf(baseName(name), shape))),
    ),
  ];
}

export function isAppName(name: string): name is ServiceName {
  return (APP_NAMES as readonly string[]).includes(name);
}
