/**
 * The bounded CI run of the API fuzzer: scripts/fuzz/run-schemathesis.sh (schemathesis from
 * PyPI in .cache/) against the gateway's merged OpenAPI document, signed in as a customer and
 * as a helpdesk agent (ops and admin by hand, below), with all of schemathesis' checks, a fixed
 * seed and 5 cases per operation: it fails on any 5xx, any status, header or body the document
 * does not describe, any request the schemas call valid that is refused (except the business
 * rules listed in scripts/fuzz/schemathesis.toml) and any invalid one that is accepted, and
 * prints schemathesis' summary either way. A longer run: FUZZ_MAX_EXAMPLES=100
 * scripts/fuzz/run-schemathesis.sh with FUZZ_TOKENS set (it adds the coverage phase for the
 * admin).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { securityWorld, SecurityWorld } from './support/security-world';

const ROOT = join(__dirname, '..', '..');
// Customer and helpdesk side by side took 86 s with all checks (77 s and 82 s per role) on the
// 2-core machine on 2026-12-04; 4 roles took 310 s in the clean-clone run of 2026-12-04, so CI
// fuzzes the two roles the issue names, the others by hand (FUZZ_TOKENS with ops=/admin=).
const BUDGET_MS = 400_000;

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
    /^=== |SUMMARY|passed|failed|errored|skipped|Failures|Server error|schema|Test cases|Seed|Reproduce|curl | in [\d.]+s =/i.test(
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
    'passes every schemathesis check (fixed seed, bounded examples) as a customer and as the helpdesk',
    async () => {
      const roles = ['customer', 'helpdesk'] as const;
      const tokens = roles.map((role) => `${role}=${world.tokens[role]}`).join(' ');
      const started = Date.now();
      const { code, output } = await run(
        'bash',
        ['scripts/fuzz/run-schemathesis.sh', world.gatewayUrl],
        // The coverage phase (every boundary value, ~1500 cases for the admin alone) takes
        // minutes on a 2-core machine: CI runs examples and fuzzing; the full run is manual.
        // All checks, one seed, 5 cases per operation: the same bounded run every time.
        {
          FUZZ_COVERAGE_ROLES: '',
          ...process.env,
          FUZZ_CHECKS: 'all',
          FUZZ_SEED: '18',
          FUZZ_MAX_EXAMPLES: '5',
          FUZZ_TOKENS: tokens,
        },
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
