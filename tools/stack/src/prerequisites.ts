import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { StackError } from './errors';

function run(command: string, args: string[], env: NodeJS.ProcessEnv): string | undefined {
  const result = spawnSync(command, args, { env, encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) return undefined;
  return `${result.stdout}\n${result.stderr}`;
}

/** The java executable: $JAVA_HOME/bin/java when that exists, else `java` from PATH. */
export function requireJava(env: NodeJS.ProcessEnv): string {
  const fromHome = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : undefined;
  const java = fromHome && existsSync(fromHome) ? fromHome : 'java';
  const output = run(java, ['-version'], env);
  if (!output) throw new StackError('Java 17+ not found: install openjdk-17-jre-headless');
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : 0;
  if (major < 17) {
    throw new StackError(
      `Java 17+ needed, found ${major || 'an unknown version'}: install openjdk-17-jre-headless`,
    );
  }
  return java;
}

export function requireMaven(env: NodeJS.ProcessEnv): string {
  if (!run('mvn', ['-v'], env)) throw new StackError('Maven not found: install maven');
  return 'mvn';
}

/**
 * Go 1.21 is the floor because from there Go fetches the newer toolchain that FerretDB and
 * Mailpit ask for in their go.mod by itself.
 */
export function requireGo(env: NodeJS.ProcessEnv): string {
  const output = run('go', ['version'], env);
  if (!output) throw new StackError('Go not found: install golang (1.21+)');
  const match = /go(\d+)\.(\d+)/.exec(output);
  const [major, minor] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (major < 1 || (major === 1 && minor < 21)) {
    throw new StackError(
      `Go 1.21+ needed, found ${match ? `${major}.${minor}` : 'an unknown version'}: install golang (1.21+)`,
    );
  }
  return 'go';
}
