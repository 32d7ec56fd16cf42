/**
 * Suites that stop, kill or fence a component need the stack to run it. Against external
 * infrastructure (KAFKA_BROKERS, MONGO_URL, SMTP_URL pointing elsewhere) they cannot, and are
 * reported as skipped — never as a silent pass. In CI the stack runs everything, so a skip
 * there means the suite lost its purpose: it fails instead.
 */
import type { ComponentName } from '../../tools/stack/src';
import { isManaged } from './stack-env';

export function notManaged(components: readonly ComponentName[]): ComponentName[] {
  return components.filter((component) => !isManaged(component));
}

export function itWhenManaged(
  components: readonly ComponentName[],
  title: string,
  test: () => Promise<unknown>,
  timeout?: number,
): void {
  const missing = notManaged(components);
  if (missing.length === 0) {
    it(title, test, timeout);
  } else if (process.env.CI) {
    it(title, () => {
      throw new Error(
        `${missing.join(', ')} is not run by the stack in this CI run, so this suite cannot simulate its failure; CI must run it`,
      );
    });
  } else {
    // Skipped on purpose, with its reason in the title: the component runs outside this stack
    // (KAFKA_BROKERS/MONGO_URL/SMTP_URL point elsewhere), so its failure cannot be simulated.
    it.skip(`${title} [skipped: ${missing.join(', ')} is external to this run]`, test, timeout);
  }
}
