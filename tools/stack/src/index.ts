/**
 * Programmatic API of the local stack, for tests and scripts. Every function reads the
 * environment of the calling process (ports, STACK_DIR, external URLs) at call time;
 * `new Stack(env)` gives one bound to another environment (e.g. an isolated stack in a test).
 */
import { ServiceName } from '../../../libs/service-kit/src/config';
import { ComponentName } from './settings';
import { Stack, StackEnv } from './stack';

export { Stack } from './stack';
export type { StackEnv, UpOptions } from './stack';
export type { StatusRow } from './status';
export type { ComponentName } from './settings';
export { StackError } from './errors';
export { stackAccessLinkKey } from './access-link-key';

/** Starts what is missing of Kafka, FerretDB (+PostgreSQL) and Mailpit; returns how to reach them. */
export function ensureInfrastructure(): Promise<StackEnv> {
  return new Stack().ensureInfrastructure();
}

/**
 * Builds (if stale), starts and waits for the named apps and what they need; none named: what
 * a plain `up` starts (every app, and the fulfilment simulator unless FULFILMENT_SIMULATOR=off).
 */
export function ensureApps(names?: readonly ServiceName[]): Promise<void> {
  return new Stack().ensureApps(names);
}

/** Starts one component (and its dependencies) and resolves once it is ready. */
export function startComponent(name: ComponentName): Promise<void> {
  return new Stack().start(name);
}

/** Stops one component the stack started; resolves once its process is gone. */
export async function stopComponent(name: ComponentName): Promise<void> {
  await new Stack().stop(name);
}

export function restartComponent(name: ComponentName): Promise<void> {
  return new Stack().restart(name);
}

export function isManaged(name: ComponentName): boolean {
  return new Stack().isManaged(name);
}

export async function stackDown(names?: readonly ComponentName[]): Promise<void> {
  await new Stack().down(names);
}

export function stackStatus(): ReturnType<Stack['status']> {
  return new Stack().status();
}

/**
 * The variables that hand a StackEnv to child processes (test workers, apps): the URLs and
 * STACK_MANAGED, which keeps "URL is set" from meaning "external" for what we run ourselves.
 */
export function stackEnvVariables(stackEnv: StackEnv): Record<string, string> {
  const managed = Object.entries(stackEnv.managed)
    .filter(([, isOurs]) => isOurs)
    .map(([name]) => name);
  return {
    KAFKA_BROKERS: stackEnv.KAFKA_BROKERS,
    MONGO_URL: stackEnv.MONGO_URL,
    SMTP_URL: stackEnv.SMTP_URL,
    MAIL_CAPTURE_URL: stackEnv.MAIL_CAPTURE_URL,
    STACK_MANAGED: managed.join(','),
  };
}
