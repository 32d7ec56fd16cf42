/**
 * The bounded CI run of the API fuzzer: scripts/fuzz/run-schemathesis.sh (schemathesis from
 * PyPI in .cache/) against the gateway's merged OpenAPI document, signed in as a customer and
 * as a helpdesk agent, with ALL of schemathesis' checks (no 5xx, documented statuses and
 * bodies, schema-valid data accepted, invalid data refused, 405 + Allow for undocumented
 * methods — the coverage phase — and more), a fixed seed and 5 examples per operation. It
 * prints schemathesis' summary either way. A longer run: FUZZ_MAX_EXAMPLES=100
 * scripts/fuzz/run-schemathesis.sh with FUZZ_TOKENS set (any roles, e.g. ops and admin too).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { securityWorld, SecurityWorld } from './support/security-world';

const ROOT = join(__dirname, '..', '..');
// Two roles side by side, each ~1600 cases with the coverage phase: ~3 minutes on a loaded
// 2-core machine; the budget leaves room for a CI run with everything else going.
const BUDGET_MS = 360_000;

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), BUDGET_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** The lines worth showing: each role's header, schemathesis' summary and failures. */
function summary(output: string): string {
  const lines = output.split('\n');
  const keep = lines.filter((line) =>
    /^=== |SUMMARY|passed|failed|errored|skipped|Failures|Server error|schema|Test cases|Seed|Reproduce|curl /i.test(
      line,
    ),
  );
  return keep.slice(0, 200).join('\n');
}

describe('API fuzzing with schemathesis (real stack)', () => {
  let world: SecurityWorld;

  beforeAll(async () => {
    world = await securityWorld();
  }, 600000);

  it(
    'finds no failure of any schemathesis check, as a customer and as the helpdesk',
    async () => {
      const roles = ['customer', 'helpdesk'] as const;
      const tokens = roles.map((role) => `${role}=${world.tokens[role]}`).join(' ');
      const started = Date.now();
      const { code, output } = await run(
        'bash',
        ['scripts/fuzz/run-schemathesis.sh', world.gatewayUrl],
        // The coverage phase is where schemathesis tries undocumented methods (405 + Allow).
        { FUZZ_COVERAGE_ROLES: roles.join(' '), ...process.env, FUZZ_TOKENS: tokens },
      );
      console.log(
        `schemathesis finished in ${Math.round((Date.now() - started) / 1000)} s (exit ${code})\n${summary(output)}`,
      );
      if (code !== 0) console.log(output.slice(-20000));
      expect(code).toBe(0);
    },
    BUDGET_MS + 20_000,
  );
});
