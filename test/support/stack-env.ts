/**
 * What integration and e2e tests know about the running stack. The global setup has put the
 * infrastructure URLs into process.env; suites that need the apps start them with `useApps`.
 */
import { DEFAULT_SERVICE_PORTS, ServiceName, servicePort } from '../../libs/service-kit/src/config';
import { ComponentName, ensureApps, isManaged, Stack } from '../../tools/stack/src';
import { replicaPort } from '../../tools/stack/src/shape';
import { resolveStackPaths } from '../../tools/stack/src/paths';
import { readPidRecord, removePidRecord } from '../../tools/stack/src/pid-file';
import { stopRecordedProcess } from '../../tools/stack/src/process-manager';

export {
  isManaged,
  restartComponent,
  stackStatus,
  startComponent,
  stopComponent,
} from '../../tools/stack/src';

/** A guard against wiping a real database: test data only goes to a prefix marked "test". */
export function assertTestDatabasePrefix(prefix: string | undefined): void {
  if (!prefix || !prefix.includes('test')) {
    throw new Error(
      `refusing to run tests with MONGO_DB_PREFIX="${prefix ?? ''}": test databases must contain "test" (e.g. metered_test)`,
    );
  }
}

export interface TestStackEnv {
  KAFKA_BROKERS: string;
  MONGO_URL: string;
  SMTP_URL: string;
  MAIL_CAPTURE_URL: string;
  MONGO_DB_PREFIX: string;
}

/** The infrastructure of this test run; fails clearly when the integration global setup did not run. */
export function testStackEnv(): TestStackEnv {
  const env = process.env;
  if (!env.KAFKA_BROKERS || !env.MONGO_URL || !env.SMTP_URL) {
    throw new Error(
      'the stack is not set up: run them in the integration project, e.g. `npx jest test/integration/x.int-spec.ts --selectProjects integration`',
    );
  }
  assertTestDatabasePrefix(env.MONGO_DB_PREFIX);
  return {
    KAFKA_BROKERS: env.KAFKA_BROKERS,
    MONGO_URL: env.MONGO_URL,
    SMTP_URL: env.SMTP_URL,
    MAIL_CAPTURE_URL: env.MAIL_CAPTURE_URL ?? '',
    MONGO_DB_PREFIX: env.MONGO_DB_PREFIX as string,
  };
}

/** Base URL of a service in this test run, e.g. http://127.0.0.1:3000 for the gateway. */
export function appUrl(name: ServiceName): string {
  return `http://127.0.0.1:${servicePort(name)}`;
}

/**
 * Base URLs of every replica of a service in this run's stack shape (one by default, two in
 * the scale-out suites, where a counter must be summed over both: Kafka may give the partition
 * a test writes to either replica).
 */
export function appReplicaUrls(name: ServiceName): string[] {
  const { replicas } = new Stack().settings.shape;
  return Array.from(
    { length: replicas },
    (_, at) => `http://127.0.0.1:${replicaPort(servicePort(name), at + 1)}`,
  );
}

/**
 * Builds (when stale), starts and waits for the given apps — and what they depend on; the
 * gateway brings all services. Apps already running with the test settings are reused; apps
 * running with other settings (e.g. a developer's database prefix) are restarted with these.
 */
export async function useApps(names: readonly ServiceName[]): Promise<Record<ServiceName, string>> {
  testStackEnv();
  await ensureApps(names);
  const urls = {} as Record<ServiceName, string>;
  for (const name of Object.keys(DEFAULT_SERVICE_PORTS) as ServiceName[]) urls[name] = appUrl(name);
  return urls;
}

/**
 * Kills a component the stack runs with SIGKILL — a crash, no graceful shutdown (stopComponent
 * asks politely first). Bring it back with startComponent.
 */
export async function killComponent(name: ComponentName): Promise<void> {
  if (!isManaged(name)) throw new Error(`${name} is not run by the stack here; cannot kill it`);
  const { pidsDir } = resolveStackPaths();
  const record = readPidRecord(pidsDir, name);
  if (!record) throw new Error(`${name} is not running`);
  await stopRecordedProcess(record, { signal: 'SIGKILL', timeoutMs: 5000 });
  removePidRecord(pidsDir, name);
}
