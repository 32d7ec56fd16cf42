import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '../../..');

export interface RunningChild {
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Runs a TypeScript entry point in its own Node process (tsx, path aliases from
 * tsconfig.json) and resolves once it prints `readyLine`. Fails with its output otherwise.
 */
export async function spawnTsx(
  entry: string,
  env: Record<string, string>,
  readyLine: string,
  timeoutMs = 40000,
): Promise<RunningChild> {
  const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), [entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
    await exited;
    clearTimeout(timer);
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${entry} not ready after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = () => {
      if (output.includes(readyLine)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { process: child, output: () => output, stop };
}
