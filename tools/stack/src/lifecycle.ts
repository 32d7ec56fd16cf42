import { Component } from './components/component';
import { stopPolicy } from './components/stop-policy';
import { StackError } from './errors';
import { logFileOf, telltaleLine } from './log-file';
import { displayPath } from './paths';
import {
  isRecordAlive,
  PidRecord,
  readPidRecord,
  removePidRecord,
  writePidRecord,
} from './pid-file';
import { spawnDetached, stopRecordedProcess } from './process-manager';
import { elapsedSeconds, step } from './progress';
import { StackSettings } from './settings';
import { isPortFree, waitUntil } from './wait';

export type EnsureOutcome = 'external' | 'running' | 'started';

function readyTimeout(component: Component, settings: StackSettings): number {
  return settings.readyTimeoutMs ?? component.readyTimeoutMs;
}

async function waitReady(
  component: Component,
  settings: StackSettings,
  record: PidRecord,
): Promise<void> {
  const timeoutMs = readyTimeout(component, settings);
  const log = displayPath(record.logFile);
  const ready = await waitUntil(() => component.isReady(), {
    timeoutMs,
    between: () => {
      if (!isRecordAlive(record)) {
        const why = telltaleLine(record.logFile);
        throw new StackError(
          `${component.name} exited during start${why ? `: ${why}` : ''} — see ${log}`,
          record.logFile,
        );
      }
    },
  });
  if (!ready) {
    throw new StackError(
      `${component.name} did not become ready within ${Math.round(timeoutMs / 1000)} s — see ${log}`,
      record.logFile,
    );
  }
}

/**
 * Makes one component ready: an external one is only checked; one of ours that runs with
 * the same settings is only checked (so `up` is idempotent); otherwise it is started, and
 * killed again if it does not become ready, so a failed start leaves nothing behind.
 */
/** How long a running app may take to answer ready before it counts as wedged. */
const WEDGED_AFTER_MS = 20_000;

function answersSoon(component: Component): Promise<boolean> {
  return waitUntil(() => component.isReady(), { timeoutMs: WEDGED_AFTER_MS, intervalMs: 500 });
}

export async function ensureComponent(
  component: Component,
  settings: StackSettings,
): Promise<EnsureOutcome> {
  const { name } = component;
  if (component.external) {
    const { url, variable } = component.external;
    const ok = await waitUntil(() => component.isReady(), {
      timeoutMs: Math.min(readyTimeout(component, settings), 30_000),
      intervalMs: 1000,
    });
    if (!ok) throw new StackError(`${name}: ${url} (from ${variable}) is not reachable`);
    step(name, `using ${url} (from ${variable})`);
    return 'external';
  }
  const { pidsDir } = settings.paths;
  const existing = readPidRecord(pidsDir, name);
  if (existing && isRecordAlive(existing)) {
    const unchanged = existing.fingerprint === component.fingerprint();
    if (unchanged && (component.kind !== 'app' || (await answersSoon(component)))) {
      await waitReady(component, settings, existing);
      step(name, `already running (pid ${existing.pid})`);
      return 'running';
    }
    // An app that runs but is not ready while its infrastructure is (this is called after
    // the infrastructure is ensured) is wedged: restart it, as a liveness probe would.
    step(
      name,
      unchanged ? 'running but not ready, restarting' : 'settings or build changed, restarting',
    );
    await stopRecordedProcess(existing, stopPolicy(name));
  }
  removePidRecord(pidsDir, name);
  for (const { port, hint } of component.ports) {
    if (!(await isPortFree(port)))
      throw new StackError(`port ${port} is in use by another process (${hint})`);
  }
  const started = Date.now();
  const spec = await component.launchSpec();
  step(name, 'starting');
  const logFile = logFileOf(settings, name);
  const spawned = await spawnDetached(name, spec, logFile);
  const record: PidRecord = {
    name,
    pid: spawned.pid,
    startTicks: spawned.startTicks,
    startedAt: new Date().toISOString(),
    command: [spec.command, ...spec.args].join(' '),
    ports: component.ports.map((claim) => claim.port),
    logFile,
    fingerprint: component.fingerprint(),
    session: settings.session,
  };
  writePidRecord(pidsDir, record);
  try {
    await waitReady(component, settings, record);
    await component.afterReady?.();
  } catch (error) {
    await stopRecordedProcess(record, { signal: 'SIGKILL', timeoutMs: 5000 }).catch(
      () => undefined,
    );
    removePidRecord(pidsDir, name);
    throw error;
  }
  step(name, `ready in ${elapsedSeconds(started)} s — ${component.url}`);
  return 'started';
}

/**
 * Before anything starts: every port a component of ours still has to open must be free,
 * so a clash fails the whole `up` at once instead of after half the stack is running.
 */
export async function checkPortsFree(
  components: readonly Component[],
  settings: StackSettings,
): Promise<void> {
  for (const component of components) {
    if (component.external) continue;
    const record = readPidRecord(settings.paths.pidsDir, component.name);
    if (record && isRecordAlive(record)) continue; // its ports are its own
    for (const { port, hint } of component.ports) {
      if (!(await isPortFree(port)))
        throw new StackError(`port ${port} is in use by another process (${hint})`);
    }
  }
}

/** Stops a component the stack started (by its pid file); false when it was not running. */
export async function stopComponentProcess(
  name: string,
  settings: StackSettings,
): Promise<boolean> {
  const record = readPidRecord(settings.paths.pidsDir, name);
  if (!record) return false;
  const stopped = await stopRecordedProcess(record, stopPolicy(name));
  removePidRecord(settings.paths.pidsDir, name);
  return stopped;
}
