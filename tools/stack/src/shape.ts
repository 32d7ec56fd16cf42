/**
 * The shape of the stack: how many replicas of every service and how many Kafka brokers.
 * The default (1, 1) is the development stack; `up --replicas 2 --brokers 3` (or
 * STACK_REPLICAS / STACK_BROKERS) is the scale-out shape the concurrency suites run in.
 *
 * Instances are named `<component>#<n>` from the second on (`ordering#2`, `kafka#3`); the
 * first keeps the plain name, so the default shape has exactly the names and ports it had.
 * Replica n of a service listens on its port + 50·(n-1); broker n on KAFKA_PORT + 2·(n-1)
 * with its controller on KAFKA_CONTROLLER_PORT + 2·(n-1).
 */
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { StackError } from './errors';

export interface StackShape {
  replicas: number;
  brokers: number;
}

export const DEFAULT_SHAPE: StackShape = { replicas: 1, brokers: 1 };
export const MAX_REPLICAS = 2;
export const MAX_BROKERS = 5;
export const REPLICA_PORT_STEP = 50;
export const BROKER_PORT_STEP = 2;

/** `ordering` + 1 → `ordering`, `ordering` + 2 → `ordering#2`. */
export function instanceName<Base extends string>(
  base: Base,
  index: number,
): Base | `${Base}#${number}` {
  return index === 1 ? base : `${base}#${index}`;
}

/** `ordering#2` → { base: 'ordering', index: 2 }; `ordering` → index 1; undefined when malformed. */
export function parseInstance(name: string): { base: string; index: number } | undefined {
  const match = /^([a-z]+(?:-[a-z]+)*)(?:#([1-9]\d*))?$/.exec(name);
  if (!match) return undefined;
  return { base: match[1], index: match[2] ? Number(match[2]) : 1 };
}

export function baseOf(name: string): string {
  return parseInstance(name)?.base ?? name;
}

/** How many instances of a component the shape runs: services `replicas`, Kafka `brokers`, others 1. */
export function instanceCount(base: string, shape: StackShape, isApp: boolean): number {
  if (base === 'kafka') return shape.brokers;
  return isApp ? shape.replicas : 1;
}

export function replicaPort(port: number, index: number): number {
  return port + REPLICA_PORT_STEP * (index - 1);
}

export function brokerPorts(
  ports: { kafka: number; kafkaController: number },
  index: number,
): { kafka: number; controller: number } {
  const offset = BROKER_PORT_STEP * (index - 1);
  return { kafka: ports.kafka + offset, controller: ports.kafkaController + offset };
}

function count(raw: string | undefined, name: string, max: number): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new StackError(`${name} must be a whole number from 1 to ${max}, got "${raw}"`);
  }
  return value;
}

export function parseReplicas(
  raw: string | undefined,
  name = 'STACK_REPLICAS',
): number | undefined {
  return count(raw, name, MAX_REPLICAS);
}

export function parseBrokers(raw: string | undefined, name = 'STACK_BROKERS'): number | undefined {
  return count(raw, name, MAX_BROKERS);
}

function shapeFile(stackDir: string): string {
  return join(stackDir, 'shape.json');
}

/**
 * STACK_REPLICAS / STACK_BROKERS when set; else the shape the last `up` started (kept in
 * `.stack/shape.json` while anything runs, so `restart ordering#2` or `status` without flags
 * see the same stack); else one of each.
 */
export function readShape(env: NodeJS.ProcessEnv, stackDir: string): StackShape {
  const replicas = parseReplicas(env.STACK_REPLICAS);
  const brokers = parseBrokers(env.STACK_BROKERS);
  let saved: Partial<StackShape> = {};
  if ((replicas === undefined || brokers === undefined) && existsSync(shapeFile(stackDir))) {
    try {
      saved = JSON.parse(readFileSync(shapeFile(stackDir), 'utf8')) as Partial<StackShape>;
    } catch {
      saved = {};
    }
  }
  return {
    replicas: replicas ?? parseReplicas(String(saved.replicas ?? ''), 'shape.json replicas') ?? 1,
    brokers: brokers ?? parseBrokers(String(saved.brokers ?? ''), 'shape.json brokers') ?? 1,
  };
}

/** Remembers the shape for later commands; the default shape leaves no file. */
export function saveShape(stackDir: string, shape: StackShape): void {
  if (shape.replicas === 1 && shape.brokers === 1) {
    rmSync(shapeFile(stackDir), { force: true });
    return;
  }
  mkdirSync(stackDir, { recursive: true });
  writeFileSync(shapeFile(stackDir), `${JSON.stringify(shape)}\n`);
}

export function forgetShape(stackDir: string): void {
  rmSync(shapeFile(stackDir), { force: true });
}

export function isDefaultShape(shape: StackShape): boolean {
  return shape.replicas === 1 && shape.brokers === 1;
}
