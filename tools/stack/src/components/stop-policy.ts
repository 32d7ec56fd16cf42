import { ComponentName } from '../settings';
import { baseOf } from '../shape';

export interface StopPolicy {
  signal: NodeJS.Signals;
  timeoutMs: number;
}

/**
 * How each process is asked to stop. PostgreSQL's SIGTERM is a "smart" shutdown that waits
 * for every client to leave; SIGINT is its fast shutdown. Kafka needs a while to close its logs.
 */
export function stopPolicy(instance: ComponentName | string): StopPolicy {
  const name = baseOf(instance);
  if (name === 'postgres') return { signal: 'SIGINT', timeoutMs: 30_000 };
  if (name === 'kafka') return { signal: 'SIGTERM', timeoutMs: 30_000 };
  return { signal: 'SIGTERM', timeoutMs: 10_000 };
}

/** Stop order (by plain name; every instance of a component stops with it): gateway first, then the services, then infrastructure, the database last. */
export const STOP_LEVELS: readonly (readonly string[])[] = [
  ['gateway', 'fulfilment-simulator'],
  ['identity', 'registry', 'ordering', 'notifications', 'operations', 'telemetry'],
  ['kafka', 'mailpit', 'ferretdb'],
  ['postgres'],
];
