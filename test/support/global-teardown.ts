/**
 * Stops what this test run started (infrastructure from the setup, apps from `useApps`),
 * in reverse order. STACK_KEEP=1 leaves it running so the next run starts in seconds;
 * CI does not set it, so CI ends with no process left.
 */
import { Stack } from '../../tools/stack/src';

export default async function globalTeardown(): Promise<void> {
  const session = process.env.STACK_SESSION;
  if (!session) return;
  if (process.env.STACK_KEEP === '1') {
    console.log('STACK_KEEP=1: the stack keeps running (stop it with `npm stop`)');
    return;
  }
  await new Stack().down([], session);
}
