import { Component } from './components/component';
import { STOP_LEVELS } from './components/stop-policy';
import { DependencyFailedError } from './errors';
import { ensureComponent, EnsureOutcome, stopComponentProcess } from './lifecycle';
import { listPidRecords } from './pid-file';
import { step } from './progress';
import { baseOf } from './shape';
import { StackSettings } from './settings';

/** Runs CPU-heavy builds (go, nest) one after another; downloads and starts overlap freely. */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.catch(() => undefined).then(task);
    this.tail = result;
    return result;
  }
}

/**
 * Brings the given components up as a dependency graph: each one builds as early as it
 * can (in parallel with its dependencies starting) and starts once they are ready.
 * Waits for all branches before failing, so no start is left half done, then throws the
 * first real cause (not the "skipped because X failed" ones).
 */
export async function ensureAll(
  components: readonly Component[],
  settings: StackSettings,
): Promise<Map<string, EnsureOutcome>> {
  const heavy = new SerialQueue();
  const selected = new Set(components.map((component) => component.name));
  const done = new Map<string, Promise<EnsureOutcome>>();
  const outcomes = new Map<string, EnsureOutcome>();
  for (const component of components) {
    const prepared = component.external
      ? Promise.resolve()
      : component.heavyBuild
        ? heavy.run(() => component.prepare())
        : component.prepare();
    prepared.catch(() => undefined); // observed below; avoid an unhandled rejection meanwhile
    const dependencies = component.dependsOn.filter((name) => selected.has(name));
    const run = (async (): Promise<EnsureOutcome> => {
      const results = await Promise.allSettled(dependencies.map((name) => done.get(name)!));
      const failed = results.findIndex((result) => result.status === 'rejected');
      await prepared;
      if (failed >= 0) throw new DependencyFailedError(component.name, dependencies[failed]);
      const outcome = await ensureComponent(component, settings);
      outcomes.set(component.name, outcome);
      return outcome;
    })();
    run.catch(() => undefined);
    done.set(component.name, run);
  }
  const results = await Promise.allSettled(done.values());
  const errors = results.flatMap((result) =>
    result.status === 'rejected' ? [result.reason as unknown] : [],
  );
  const cause = errors.find((error) => !(error instanceof DependencyFailedError)) ?? errors[0];
  if (cause) throw cause;
  return outcomes;
}

/**
 * Stops what the stack started, in reverse start order (gateway, services, infrastructure,
 * the database last), components of one level in parallel. `filter` narrows it, e.g. to a
 * test session's own processes. Returns the names that were running.
 */
export async function stopAll(
  settings: StackSettings,
  filter: (name: string, session?: string) => boolean = () => true,
): Promise<string[]> {
  const records = listPidRecords(settings.paths.pidsDir).filter((record) =>
    filter(record.name, record.session),
  );
  const names = new Set(records.map((record) => record.name));
  const known = new Set(STOP_LEVELS.flat());
  const levels = [
    [...names].filter((name) => !known.has(baseOf(name))),
    ...STOP_LEVELS.map((level) => [...names].filter((name) => level.includes(baseOf(name)))),
  ];
  const stopped: string[] = [];
  for (const level of levels) {
    await Promise.all(
      level.map(async (name) => {
        if (await stopComponentProcess(name, settings)) {
          stopped.push(name);
          step(name, 'stopped');
        }
      }),
    );
  }
  return stopped;
}
