/**
 * The local stack itself, against real processes: what the global setup started is
 * reported as running; one component can be stopped and started again in an isolated
 * stack (own STACK_DIR and ports, so the shared one keeps running); failures are one line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTransport } from 'nodemailer';
import { Stack } from '../../../tools/stack/src';

const REPO_ROOT = resolve(__dirname, '../../..');
const TSX_CLI = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const STACK_CLI = join(REPO_ROOT, 'tools', 'stack', 'src', 'cli.ts');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** An environment for a separate stack: own state dir and ports, no inherited infrastructure URLs. */
async function isolatedEnv(stackDir: string): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env, STACK_DIR: stackDir };
  for (const name of [
    'KAFKA_BROKERS',
    'MONGO_URL',
    'SMTP_URL',
    'MAIL_CAPTURE_URL',
    'STACK_MANAGED',
    'STACK_SESSION',
  ]) {
    delete env[name];
  }
  Object.assign(env, {
    KAFKA_PORT: String(await freePort()),
    KAFKA_CONTROLLER_PORT: String(await freePort()),
    MONGO_PORT: String(await freePort()),
    POSTGRES_PORT: String(await freePort()),
    SMTP_PORT: String(await freePort()),
    MAIL_UI_PORT: String(await freePort()),
  });
  return env;
}

function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [TSX_CLI, STACK_CLI, ...args], { cwd: REPO_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('local stack', () => {
  const tempDirs: string[] = [];
  const tempStack = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'stack-int-'));
    tempDirs.push(dir);
    return dir;
  };

  afterAll(async () => {
    for (const dir of tempDirs) {
      await new Stack({ ...process.env, STACK_DIR: dir }).down();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports the infrastructure of this test run as ready (ours) or external', async () => {
    const rows = await new Stack().status();
    for (const name of ['kafka', 'ferretdb', 'mailpit'] as const) {
      const row = rows.find((candidate) => candidate.component === name);
      expect(row?.state).toBe(new Stack().isManaged(name) ? 'ready' : 'external');
    }
    const cli = await runCli(['status'], process.env);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/^component\s+pid\s+port\s+state/);
    expect(cli.stdout).toMatch(/^kafka\s+\S+\s+\S+\s+(ready|external)/m);
  });

  it('stops and starts mailpit again, which then receives and lists messages', async () => {
    const env = await isolatedEnv(tempStack());
    const stack = new Stack(env);
    await stack.start('mailpit');
    const mailpit = (await stack.status()).find((row) => row.component === 'mailpit')!;
    expect(mailpit.state).toBe('ready');

    await stack.stop('mailpit');
    expect(isAlive(mailpit.pid!)).toBe(false);
    expect((await stack.status()).find((row) => row.component === 'mailpit')?.state).toBe(
      'stopped',
    );

    await stack.start('mailpit');
    const subject = `stack check ${Date.now()}`;
    await createTransport({
      host: '127.0.0.1',
      port: Number(env.SMTP_PORT),
      secure: false,
      ignoreTLS: true,
    }).sendMail({
      from: 'stack@example.test',
      to: 'someone@example.test',
      subject,
      text: 'hello',
    });
    const response = await fetch(`http://127.0.0.1:${env.MAIL_UI_PORT}/api/v1/messages`);
    const body = (await response.json()) as { messages: { Subject: string }[] };
    expect(body.messages.map((message) => message.Subject)).toContain(subject);

    const restarted = (await stack.status()).find((row) => row.component === 'mailpit')!;
    expect(await stack.down()).toEqual(['mailpit']);
    expect(isAlive(restarted.pid!)).toBe(false);
  }, 600_000);

  it('fails in one line, starting nothing, when Java is missing', async () => {
    const stackDir = tempStack();
    const env = await isolatedEnv(stackDir);
    delete env.JAVA_HOME;
    env.PATH = mkdtempSync(join(tmpdir(), 'empty-path-'));
    tempDirs.push(env.PATH);

    const result = await runCli(['up', '--detach', 'kafka'], env);

    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      '✖ Java 17+ not found: install openjdk-17-jre-headless',
    ]);
    expect(readdirSync(stackDir)).not.toContain('pids');
  });

  it('names the variable to change when a port is taken', async () => {
    const env = await isolatedEnv(tempStack());
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(Number(env.SMTP_PORT), '127.0.0.1', done));
    try {
      const result = await runCli(['start', 'mailpit'], env);
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim()).toBe(
        `✖ port ${env.SMTP_PORT} is in use by another process (set SMTP_PORT or SMTP_URL)`,
      );
    } finally {
      blocker.close();
    }
  }, 600_000);
});
