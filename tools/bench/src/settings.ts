import { join } from 'node:path';
import { readInfrastructureConfig } from '../../../libs/service-kit/src/config';
import { infraUrls, readSettings } from '../../stack/src/settings';

/** What one benchmark run does; every figure can be changed by an environment variable. */
export interface BenchSettings {
  gatewayUrl: string;
  mailCaptureUrl: string;
  kafkaBrokers: string[];
  mongoUrl: string;
  mongoDbPrefix: string;
  /** FerretDB's Prometheus metrics (debug listener), read before and after the main run. */
  ferretdbMetricsUrl: string;
  /** Workers of the closed-loop phases: the baselines and the main run share it. */
  concurrency: number;
  baselineMs: number;
  mainMs: number;
  /** Each open-loop step of the knee search. */
  stepMs: number;
  /** Open-loop rates tried in order (orders/s); the search stops past the knee. */
  rates: number[];
  customers: number;
  serialsPerCustomer: number;
  /** Quiet window before any load: database commands per second on the idle stack. */
  idleMs: number;
  /** Orders the fulfilment simulator ships in its own quiet window (0: not measured). */
  simulatorOrders: number;
  /** The simulator's delay per step (dispatched, then delivered): FULFILMENT_SIMULATOR_DELAY_MS. */
  simulatorDelayMs: number;
  /** The stack's state directory (pid files of every process, replicas included). */
  stackDir: string;
  /** Shown in the report: the revision benched when it is not this tree's (`--compare`). */
  label?: string;
  /** `start`: bring the local stack up (default); `running`: use what answers at the URLs. */
  stack: 'start' | 'running';
  outDir: string;
  password: string;
  adminEmail: string;
  adminPassword: string;
}

/** A positive whole number from the environment, or the fallback when unset. */
export function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`${name} must be a positive whole number`);
  return parsed;
}

export function readBenchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  // The stack's own URLs for the port block in the environment (KAFKA_PORT…), unless given:
  // with BENCH_STACK=running (and for the older stack of --compare) nothing else sets them.
  const infra = readInfrastructureConfig({ ...env, ...infraUrls(readSettings(env)) });
  const quick = env.BENCH_QUICK === '1';
  const repo = join(__dirname, '../../..');
  return {
    gatewayUrl: env.GATEWAY_URL ?? `http://127.0.0.1:${env.GATEWAY_PORT ?? 3000}`,
    mailCaptureUrl: infra.mailCaptureUrl,
    kafkaBrokers: infra.kafkaBrokers,
    mongoUrl: infra.mongoUrl,
    mongoDbPrefix: infra.mongoDbPrefix,
    ferretdbMetricsUrl:
      env.BENCH_FERRETDB_METRICS_URL ??
      `http://127.0.0.1:${env.FERRETDB_DEBUG_PORT ?? 8088}/debug/metrics`,
    concurrency: int(env, 'BENCH_CONCURRENCY', 8),
    baselineMs: int(env, 'BENCH_BASELINE_S', quick ? 3 : 10) * 1000,
    mainMs: int(env, 'BENCH_MAIN_S', quick ? 5 : 30) * 1000,
    stepMs: int(env, 'BENCH_STEP_S', quick ? 3 : 10) * 1000,
    rates: (env.BENCH_RATES ?? (quick ? '10,20' : '10,20,40,60,80,100,130,160,200'))
      .split(',')
      .map((rate) => Number(rate.trim()))
      .filter((rate) => rate > 0),
    customers: int(env, 'BENCH_CUSTOMERS', quick ? 2 : 12),
    serialsPerCustomer: int(env, 'BENCH_SERIALS_PER_CUSTOMER', 4),
    idleMs: int(env, 'BENCH_IDLE_S', quick ? 5 : 20) * 1000,
    simulatorOrders:
      env.FULFILMENT_SIMULATOR === 'off' || env.BENCH_SIMULATOR_ORDERS === '0'
        ? 0
        : int(env, 'BENCH_SIMULATOR_ORDERS', quick ? 8 : 24),
    simulatorDelayMs: int(env, 'FULFILMENT_SIMULATOR_DELAY_MS', 15000),
    stackDir: env.BENCH_STACK_DIR ?? env.STACK_DIR ?? join(repo, '.stack'),
    label: env.BENCH_LABEL || undefined,
    stack: env.BENCH_STACK === 'running' ? 'running' : 'start',
    outDir: env.BENCH_OUT_DIR ?? join(repo, 'docs/perf'),
    password: 'Toner-Cartridge-Bench-77!',
    adminEmail: env.BOOTSTRAP_ADMIN_EMAIL ?? 'admin@metered.local',
    adminPassword: env.BOOTSTRAP_ADMIN_PASSWORD ?? 'Metered-Admin-2026!',
  };
}
