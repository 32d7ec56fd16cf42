import { join } from 'node:path';
import { ComponentSet } from './components/component-set';
import { withFileLock } from './file-lock';
import { checkPortsFree, stopComponentProcess } from './lifecycle';
import { ensureAll, stopAll } from './orchestrator';
import { isRecordAlive, listPidRecords, readPidRecord } from './pid-file';
import { Component } from './components/component';
import { StackError } from './errors';
import { step, warn } from './progress';
import {
  baseName,
  ComponentName,
  expandNames,
  infraUrls,
  InfraUrls,
  isAppName,
  plainUpNames,
  readSettings,
  SIMULATOR_NAME,
  StackSettings,
} from './settings';
import { forgetShape, saveShape } from './shape';
import { collectStatus, StatusRow } from './status';
import { isPortFree } from './wait';

export interface StackEnv extends InfraUrls {
  /** True where the stack runs the service itself (so a test may stop or restart it). */
  managed: { kafka: boolean; ferretdb: boolean; mailpit: boolean };
}

export interface UpOptions {
  names?: readonly ComponentName[];
  infraOnly?: boolean;
  /**
   * Use infrastructure already answering on a default port although we did not start it
   * (the test setup does; the CLI reports the port as taken instead).
   */
  adoptRunning?: boolean;
}

export interface UpResult {
  settings: StackSettings;
  components: Component[];
}

const ADOPTABLE: Record<
  'kafka' | 'ferretdb' | 'mailpit',
  { variables: (keyof InfraUrls)[]; port: string }
> = {
  kafka: { variables: ['KAFKA_BROKERS'], port: 'KAFKA_PORT' },
  ferretdb: { variables: ['MONGO_URL'], port: 'MONGO_PORT' },
  mailpit: { variables: ['SMTP_URL', 'MAIL_CAPTURE_URL'], port: 'SMTP_PORT' },
};

/** The stack as seen from one environment (ports, STACK_DIR, external URLs). */
export class Stack {
  readonly settings: StackSettings;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.settings = readSettings(env);
  }

  private locked<T>(what: string, fn: () => Promise<T>): Promise<T> {
    return withFileLock(join(this.settings.paths.stackDir, 'stack.lock'), what, fn);
  }

  up(options: UpOptions = {}): Promise<UpResult> {
    return this.locked('up', async () => {
      const settings = options.adoptRunning
        ? await this.adoptForeign(this.settings)
        : this.settings;
      // FULFILMENT_SIMULATOR=off leaves the simulator out of a plain up; named, it starts.
      const names = options.names?.length
        ? options.names
        : plainUpNames(settings, options.infraOnly);
      let components = await new ComponentSet(settings).withDependencies(
        expandNames(names, settings.shape),
      );
      if (options.infraOnly)
        components = components.filter((component) => component.kind === 'infra');
      await checkPortsFree(components, settings);
      saveShape(settings.paths.stackDir, settings.shape);
      await ensureAll(components, settings);
      return { settings, components };
    });
  }

  /** Kafka, FerretDB and Mailpit: started where missing, checked where running or external. */
  async ensureInfrastructure(): Promise<StackEnv> {
    const { settings } = await this.up({ infraOnly: true, adoptRunning: true });
    const { external } = settings;
    return {
      ...infraUrls(settings),
      managed: {
        kafka: !external.kafkaBrokers,
        ferretdb: !external.mongoUrl,
        mailpit: !external.smtpUrl,
      },
    };
  }

  /** The named apps, or (none named) what a plain `up` starts: every app and the simulator unless FULFILMENT_SIMULATOR=off. */
  async ensureApps(names?: readonly ComponentName[]): Promise<void> {
    await this.up({ names, adoptRunning: true });
  }

  async start(name: ComponentName): Promise<void> {
    await this.up({ names: [name] });
  }

  /** Stops one component; refuses one the environment points at (a test must not think Kafka is down when it is not). */
  stop(name: ComponentName): Promise<boolean> {
    if (!this.isManaged(name)) {
      return Promise.reject(
        new StackError(
          `${name} is not run by the stack here (its URL comes from the environment), so it cannot be stopped`,
        ),
      );
    }
    return this.locked(`stop ${name}`, async () => {
      const stopped = await stopComponentProcess(name, this.settings);
      step(name, stopped ? 'stopped' : 'was not running');
      return stopped;
    });
  }

  async restart(name: ComponentName): Promise<void> {
    await this.stop(name);
    await this.start(name);
  }

  /**
   * Stops what the stack started (all, or the named ones: a plain name means all its
   * instances, `ordering#2` only that one), in reverse start order. Once nothing is left
   * running, the remembered shape is forgotten: the next plain `up` is the default stack.
   */
  down(names: readonly string[] = [], session?: string): Promise<string[]> {
    const wanted = (name: string) =>
      !names.length || names.includes(name) || names.includes(baseName(name as ComponentName));
    return this.locked('down', async () => {
      const stopped = await stopAll(
        this.settings,
        (name, owner) => wanted(name) && (!session || owner === session),
      );
      const { pidsDir, stackDir } = this.settings.paths;
      if (!listPidRecords(pidsDir).some((record) => isRecordAlive(record))) forgetShape(stackDir);
      return stopped;
    });
  }

  status(): Promise<StatusRow[]> {
    return collectStatus(this.settings);
  }

  /** Whether the stack runs this component itself (false when the environment points elsewhere). */
  isManaged(name: ComponentName): boolean {
    const { external } = this.settings;
    name = baseName(name);
    if (isAppName(name) || name === SIMULATOR_NAME) return true;
    if (name === 'kafka') return !external.kafkaBrokers;
    if (name === 'mailpit') return !external.smtpUrl;
    return !external.mongoUrl;
  }

  /**
   * For the test setup: a Kafka/FerretDB/Mailpit already answering on our port that we did not
   * start (e.g. a shared dev instance) is used as if its URL had been given, with a notice.
   */
  private async adoptForeign(settings: StackSettings): Promise<StackSettings> {
    const env = { ...settings.env };
    const set = new ComponentSet(settings);
    const local = infraUrls(settings);
    let managed = (env.STACK_MANAGED ?? '').split(',').filter(Boolean);
    for (const [name, how] of Object.entries(ADOPTABLE) as [
      keyof typeof ADOPTABLE,
      (typeof ADOPTABLE)['kafka'],
    ][]) {
      const component = await set.get(name);
      if (component.external) continue;
      const record = readPidRecord(settings.paths.pidsDir, name);
      if (record && isRecordAlive(record)) continue;
      if (await isPortFree(component.ports[0].port)) continue;
      if (!(await component.isReady())) continue; // something else holds the port: the start reports it
      for (const variable of how.variables) env[variable] = local[variable];
      managed = managed.filter((entry) => entry !== name);
      warn(
        `${name}: ${component.url} is served by a process the stack did not start — using it (set ${how.port} to run a separate one)`,
      );
    }
    env.STACK_MANAGED = managed.join(',');
    return readSettings(env);
  }
}
