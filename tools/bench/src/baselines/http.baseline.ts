import { fork } from 'node:child_process';
import { join } from 'node:path';
import { runClosedLoop } from '../load/closed-loop';
import { httpJson } from '../load/http-client';
import { PhaseResult } from '../load/phase-result';
import { BenchSettings } from '../settings';

const NOOP_PORT = 3099;

/** A valid order body for the no-op endpoint (same shape and validation as POST /orders). */
const NOOP_ORDER = {
  serial: 'BENCH00001',
  rows: [{ reorderNumber: 'TN-BENCH-1', fullCartonsOnsite: 0, bottlesOnsite: 1, quantity: 1 }],
};

/**
 * B_http: the no-op POST on the services' HTTP stack, in its own process (like a service),
 * at the main run's concurrency.
 */
export async function measureNoopHttp(settings: BenchSettings): Promise<PhaseResult> {
  const child = fork(join(__dirname, 'noop-server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, PORT: String(NOOP_PORT), LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('no-op server did not start in 30 s')),
        30000,
      );
      child.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code) => reject(new Error(`no-op server exited with ${code}`)));
    });
    const url = `http://127.0.0.1:${NOOP_PORT}/noop/orders`;
    const warm = await httpJson(url, 'POST', NOOP_ORDER);
    if (warm.status !== 201) throw new Error(`no-op server answered ${warm.status}: ${warm.body}`);
    return await runClosedLoop(
      'B_http no-op POST',
      settings.concurrency,
      settings.baselineMs,
      async () => {
        const answer = await httpJson(url, 'POST', NOOP_ORDER);
        return answer.status === 201;
      },
    );
  } finally {
    child.kill('SIGTERM');
  }
}
