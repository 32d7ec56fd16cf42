import { StackError } from '../errors';
import {
  APP_NAMES,
  BaseComponentName,
  baseName,
  ComponentName,
  INFRA_NAMES,
  instancesOf,
  isAppName,
  SIMULATOR_NAME,
  StackSettings,
} from '../settings';
import { parseInstance, StackShape } from '../shape';
import { appComponent } from './app';
import { Component } from './component';
import { ferretdbComponent } from './ferretdb';
import { fulfilmentSimulatorComponent } from './fulfilment-simulator';
import { kafkaComponent } from './kafka';
import { mailpitComponent } from './mailpit';
import { postgresComponent } from './postgres';
import { DbBackend, resolveDbBackend } from './postgres-binaries';

/**
 * Start order for display and for `down` in reverse; the gateway comes after the services,
 * the fulfilment simulator (an outside system on Kafka) after the services it ships for.
 */
export const START_ORDER: readonly BaseComponentName[] = [
  ...INFRA_NAMES,
  ...APP_NAMES.filter((app) => app !== 'gateway'),
  SIMULATOR_NAME,
  'gateway',
];

/** START_ORDER with every instance of the shape: kafka, kafka#2, kafka#3, …, ordering, ordering#2, … */
export function startOrder(shape: StackShape): ComponentName[] {
  return START_ORDER.flatMap((name) => instancesOf(name, shape));
}

const backends = new Map<string, Promise<DbBackend>>();

/** The backend decision can run apt-get and prints a fallback notice: once per process. */
function dbBackendFor(settings: StackSettings, mayInstall: boolean): Promise<DbBackend> {
  const key = JSON.stringify([
    settings.dbBackend,
    settings.env.POSTGRES_BIN_DIR,
    settings.paths.cacheDir,
    mayInstall,
  ]);
  let backend = backends.get(key);
  if (!backend) {
    backend = resolveDbBackend(settings, { mayInstall });
    backends.set(key, backend);
    backend.catch(() => backends.delete(key));
  }
  return backend;
}

/** Builds components on demand; only the database ones need the (async) backend decision. */
export class ComponentSet {
  private readonly built = new Map<ComponentName, Component>();

  /** `mayInstall: false` for read-only commands (status): no apt-get, no notices. */
  constructor(
    private readonly settings: StackSettings,
    private readonly mayInstall = true,
  ) {}

  /** Whether FerretDB runs here on PostgreSQL, i.e. whether a postgres component exists at all. */
  async usesPostgres(): Promise<boolean> {
    if (this.settings.external.mongoUrl) return false;
    return (await dbBackendFor(this.settings, this.mayInstall)).kind === 'postgresql';
  }

  async get(name: ComponentName): Promise<Component> {
    const existing = this.built.get(name);
    if (existing) return existing;
    const component = await this.create(name);
    this.built.set(name, component);
    return component;
  }

  private async create(name: ComponentName): Promise<Component> {
    const { settings } = this;
    const index = parseInstance(name)?.index ?? 1;
    const base = baseName(name);
    if (index > 1 && index > instancesOf(base, settings.shape).length) {
      throw new StackError(
        `${name} is not part of this stack's shape (${settings.shape.replicas} replica(s), ${settings.shape.brokers} broker(s); see up --replicas/--brokers)`,
      );
    }
    if (isAppName(base)) return appComponent(settings, base, index);
    if (base === 'kafka') return kafkaComponent(settings, index);
    if (name === 'mailpit') return mailpitComponent(settings);
    if (name === SIMULATOR_NAME) return fulfilmentSimulatorComponent(settings);
    if (name === 'ferretdb') {
      const backend = settings.external.mongoUrl
        ? ({ kind: 'sqlite' } as const)
        : await dbBackendFor(settings, this.mayInstall);
      return ferretdbComponent(settings, backend);
    }
    const backend = settings.external.mongoUrl
      ? undefined
      : await dbBackendFor(settings, this.mayInstall);
    if (!backend || backend.kind !== 'postgresql') {
      throw new StackError(
        settings.external.mongoUrl
          ? 'postgres is not used: MONGO_URL points at an external database'
          : 'postgres is not used: FerretDB runs on SQLite here (STACK_DB_BACKEND=sqlite or no PostgreSQL)',
      );
    }
    return postgresComponent(settings, backend.install);
  }

  /** The named components plus everything they need, in start order. */
  async withDependencies(names: readonly ComponentName[]): Promise<Component[]> {
    const wanted = new Set<ComponentName>();
    const visit = async (name: ComponentName): Promise<void> => {
      if (wanted.has(name)) return;
      wanted.add(name);
      for (const dependency of (await this.get(name)).dependsOn) await visit(dependency);
    };
    for (const name of names) await visit(name);
    const order = startOrder(this.settings.shape);
    const outside = [...wanted].filter((name) => !order.includes(name));
    return Promise.all(
      [...order.filter((name) => wanted.has(name)), ...outside].map((name) => this.get(name)),
    );
  }
}
