/**
 * The local stack CLI: `npm run stack -- <command>`, `npm start` (up --detach --demo),
 * `npm stop` (down). Every failure is one line on stderr and a non-zero exit code.
 */
import { servicePort } from '../../../libs/service-kit/src/config';
import { appEnvironment, identityEnv } from './components/app';
import { CliCommand, parseCliArgs, USAGE } from './cli-args';
import { StackError } from './errors';
import { runForeground } from './foreground';
import { tailLines } from './log-file';
import { showLogs } from './logs';
import { info } from './progress';
import { formatReadyList } from './ready-list';
import { Stack } from './stack';
import { formatStatusTable } from './status';
import { StackSettings } from './settings';

async function loadDemo(settings: StackSettings): Promise<void> {
  const { loadDemoData } = await import('./demo-data');
  await loadDemoData({
    ...appEnvironment(settings),
    ...identityEnv(settings.env),
    MONGO_DB_PREFIX: settings.mongoDbPrefix,
    GATEWAY_URL: `http://127.0.0.1:${servicePort('gateway', settings.env)}`,
  });
}

async function run(command: CliCommand): Promise<number> {
  if (command.kind === 'help') {
    info(USAGE);
    return 0;
  }
  // The shape flags are the environment variables the Stack reads (and test setups set).
  if (command.kind === 'up') {
    if (command.replicas !== undefined) process.env.STACK_REPLICAS = String(command.replicas);
    if (command.brokers !== undefined) process.env.STACK_BROKERS = String(command.brokers);
  }
  const stack = new Stack();
  switch (command.kind) {
    case 'up': {
      const { settings, components } = await stack.up({
        names: command.names,
        infraOnly: command.infraOnly,
      });
      if (command.demo && components.some((component) => component.kind === 'app'))
        await loadDemo(settings);
      info(`\n${formatReadyList(components)}`);
      return command.detach ? 0 : runForeground(stack, components);
    }
    case 'down': {
      const stopped = await stack.down(command.names);
      info(stopped.length ? `stopped: ${stopped.join(', ')}` : 'nothing was running');
      return 0;
    }
    case 'status':
      info(formatStatusTable(await stack.status()));
      return 0;
    case 'logs':
      await showLogs(stack.settings, command.name, command.follow, command.lines);
      return 0;
    case 'start':
      await stack.start(command.name);
      return 0;
    case 'stop':
      await stack.stop(command.name);
      return 0;
    case 'restart':
      await stack.restart(command.name);
      return 0;
  }
}

function report(error: unknown): void {
  const verbose = process.env.STACK_VERBOSE === '1' || !!process.env.CI;
  if (error instanceof StackError) {
    process.stderr.write(`✖ ${error.message}\n`);
    if (verbose && error.logFile) {
      process.stderr.write(
        `${tailLines(error.logFile, 30)
          .map((line) => `  | ${line}`)
          .join('\n')}\n`,
      );
    }
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `✖ unexpected error: ${message}${verbose ? '' : ' (STACK_VERBOSE=1 shows the stack trace)'}\n`,
  );
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
}

async function main(): Promise<void> {
  let code = 1;
  try {
    code = await run(parseCliArgs(process.argv.slice(2)));
  } catch (error) {
    report(error);
  }
  // Probe clients (kafkajs, mongoose) may keep sockets in their pools: do not wait for them.
  process.exit(code);
}

void main();
