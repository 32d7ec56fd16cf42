import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from '../report/write-report';
import { comparePortEnv } from './compare-ports';
import { comparisonTable } from './comparison';

const REPO = join(__dirname, '../../../..');
const log = (line: string) => console.log(`[bench --compare] ${line}`);

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  log(`${options.cwd === REPO ? '' : `(in ${options.cwd}) `}${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { ...options, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

const git = (...args: string[]) =>
  spawnSync('git', args, { cwd: REPO, encoding: 'utf8' }).stdout.trim();

/**
 * A worktree of `revision` under the git-ignored .cache/bench-compare/, with this tree's
 * node_modules linked when package-lock.json is the same, else its own `npm ci`.
 */
export function prepareWorktree(revision: string): { sha: string; dir: string } {
  const sha = git('rev-parse', '--short', `${revision}^{commit}`);
  if (!sha) throw new Error(`${revision} is not a revision of this repository`);
  const dir = join(REPO, '.cache', 'bench-compare', sha);
  if (!existsSync(join(dir, '.git'))) {
    mkdirSync(join(REPO, '.cache', 'bench-compare'), { recursive: true });
    run('git', ['worktree', 'add', '--detach', dir, sha], { cwd: REPO });
  }
  if (!existsSync(join(dir, 'node_modules'))) {
    const sameLock =
      readFileSync(join(dir, 'package-lock.json'), 'utf8') ===
      readFileSync(join(REPO, 'package-lock.json'), 'utf8');
    if (sameLock) {
      log('package-lock.json is the same: linking node_modules');
      symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
    } else run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir });
  }
  return { sha, dir };
}

/** The environment of the older stack: its own port block and state directory, no URL overrides. */
export function olderEnvironment(env: NodeJS.ProcessEnv, dir: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, ...comparePortEnv(env) };
  for (const name of [
    'KAFKA_BROKERS',
    'MONGO_URL',
    'SMTP_URL',
    'MAIL_CAPTURE_URL',
    'GATEWAY_URL',
    'BENCH_FERRETDB_METRICS_URL',
  ])
    delete out[name];
  out.STACK_DIR = join(dir, '.stack');
  out.STACK_CACHE_DIR = env.STACK_CACHE_DIR ?? join(REPO, '.cache');
  out.REGISTRATION_UNLIMITED_ADDRESSES ??= '127.0.0.1';
  return out;
}

/**
 * `npm run bench -- --compare <revision>`: benches the older revision's stack (its worktree,
 * its port block), stops it, then benches this tree's, and prints both side by side with ratios.
 */
export function runComparison(revision: string, outDir: string): void {
  const { sha, dir } = prepareWorktree(revision);
  const tsx = join(REPO, 'node_modules', '.bin', 'tsx');
  const cli = join(REPO, 'tools', 'bench', 'src', 'cli.ts');
  const olderEnv = olderEnvironment(process.env, dir);
  const olderOut = join(outDir, 'compare', sha);
  try {
    run('npm', ['run', 'stack', '--', 'up', '--detach'], { cwd: dir, env: olderEnv });
    run(tsx, [cli], {
      cwd: REPO,
      env: {
        ...olderEnv,
        BENCH_STACK: 'running',
        BENCH_STACK_DIR: join(dir, '.stack'),
        BENCH_LABEL: sha,
        BENCH_OUT_DIR: olderOut,
      },
    });
  } finally {
    run('npm', ['run', 'stack', '--', 'down'], { cwd: dir, env: olderEnv });
  }
  run(tsx, [cli], {
    cwd: REPO,
    env: {
      ...process.env,
      BENCH_OUT_DIR: outDir,
      BENCH_COMPARE_RESULT: join(olderOut, 'results.json'),
    },
  });
  const older = JSON.parse(readFileSync(join(olderOut, 'results.json'), 'utf8')) as BenchResult;
  const current = JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) as BenchResult;
  const table = comparisonTable(older, current);
  writeFileSync(
    join(outDir, 'comparison.md'),
    `# ${sha} and ${current.machine.revision}, one sitting\n\n${table}\n`,
  );
  console.log(`\n${table}\n`);
  log(`wrote ${join(outDir, 'comparison.md')}`);
}
