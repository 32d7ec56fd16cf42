import { LaunchSpec } from '../process-manager';
import { ComponentName } from '../settings';

export interface PortClaim {
  port: number;
  /** How to avoid the clash, shown when the port is taken: "set KAFKA_PORT or KAFKA_BROKERS". */
  hint: string;
}

/**
 * One thing the stack runs: a piece of infrastructure or an app. The generic lifecycle
 * (lifecycle.ts) does pid files, ports, logs, readiness and stopping; a component only says
 * how to install, launch and probe itself.
 */
export interface Component {
  readonly name: ComponentName;
  readonly kind: 'infra' | 'app';
  /** Set when the environment points at a running instance: then it is only checked. */
  readonly external?: { url: string; variable: string };
  /** Components that must be ready before this one starts. */
  readonly dependsOn: readonly ComponentName[];
  readonly ports: readonly PortClaim[];
  /** Where people and apps reach it. */
  readonly url: string;
  readonly readyTimeoutMs: number;
  /** CPU-heavy builds (go, nest) run one at a time so two cores are not fought over. */
  readonly heavyBuild: boolean;
  /** Settings the process depends on; a change makes `up` restart it. */
  fingerprint(): string;
  /** Install or build what is missing; cheap when the cache is warm. */
  prepare(): Promise<void>;
  /** Everything needed right before launch (format storage, init a cluster) and the command. */
  launchSpec(): Promise<LaunchSpec>;
  /** A protocol-level check, false (not throwing) while not ready. */
  isReady(): Promise<boolean>;
  afterReady?(): Promise<void>;
}
