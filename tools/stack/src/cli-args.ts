import { StackError } from './errors';
import { COMPONENT_NAMES, ComponentName, isComponentName } from './settings';
import { parseBrokers, parseReplicas } from './shape';

export type CliCommand =
  | {
      kind: 'up';
      detach: boolean;
      demo: boolean;
      infraOnly: boolean;
      names: ComponentName[];
      /** --replicas N / --brokers N: the shape to start (unset: STACK_REPLICAS etc. or the running one). */
      replicas?: number;
      brokers?: number;
    }
  | { kind: 'down'; names: ComponentName[] }
  | { kind: 'status' }
  | { kind: 'logs'; name: string; follow: boolean; lines: number }
  | { kind: 'start' | 'stop' | 'restart'; name: ComponentName }
  | { kind: 'help' };

export const USAGE = `usage: npm run stack -- <command>

  up [--detach] [--demo] [--infra-only] [--replicas N] [--brokers N] [name…]
                                                  start (default: everything); without --detach
                                                  stay in the foreground, Ctrl-C stops it all;
                                                  --replicas 2 runs every service twice (the
                                                  second on port+50), --brokers 3 a 3-node Kafka
  down [name…]                                    stop what the stack started (default: all)
  status                                          component, pid, port, state
  logs <name> [-f] [-n lines]                     show (and follow) a component's log
  start|stop|restart <name>                       one component or app (ordering#2, kafka#3: one instance)

names: ${COMPONENT_NAMES.join(', ')}; a plain name means all its instances, <name>#<n> the n-th
environment: STACK_REPLICAS, STACK_BROKERS (the shape, like --replicas/--brokers), KAFKA_PORT MONGO_PORT POSTGRES_PORT SMTP_PORT MAIL_UI_PORT <APP>_PORT STACK_DIR,
  KAFKA_BROKERS / MONGO_URL / SMTP_URL (+MAIL_CAPTURE_URL) to use running infrastructure,
  STACK_DB_BACKEND=postgresql|sqlite, STACK_VERBOSE=1 for full build output,
  STACK_CPU_PROFILE_DIR=<dir> to have apps started now write a CPU profile when they stop,
  FERRETDB_DEBUG_PORT (default 8088) for FerretDB's /debug/metrics and Go pprof`;

function componentName(raw: string): ComponentName {
  if (!isComponentName(raw)) {
    throw new StackError(
      `unknown component "${raw}" (choose from: ${COMPONENT_NAMES.join(', ')}; kafka#<n> or <app>#<n> for one instance)`,
    );
  }
  return raw;
}

function split(args: string[], allowed: string[]): { flags: Set<string>; rest: string[] } {
  const flags = new Set<string>();
  const rest: string[] = [];
  for (const arg of args) {
    if (!arg.startsWith('-')) rest.push(arg);
    else if (allowed.includes(arg)) flags.add(arg);
    else throw new StackError(`unknown option ${arg} (see: npm run stack -- help)`);
  }
  return { flags, rest };
}

function exactlyOne(command: string, names: string[]): ComponentName {
  if (names.length !== 1) throw new StackError(`${command} needs exactly one component name`);
  return componentName(names[0]);
}

/** Takes `--name N` or `--name=N` out of `args`; undefined when absent. */
function takeValue(args: string[], name: string): string | undefined {
  const at = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (at < 0) return undefined;
  if (args[at].includes('=')) return args.splice(at, 1)[0].slice(name.length + 1);
  const value = args[at + 1];
  if (value === undefined || value.startsWith('-')) throw new StackError(`${name} needs a number`);
  args.splice(at, 2);
  return value;
}

export function parseCliArgs(argv: readonly string[]): CliCommand {
  const [command, ...args] = argv;
  switch (command) {
    case 'up': {
      const remaining = [...args];
      const replicas = parseReplicas(takeValue(remaining, '--replicas'), '--replicas');
      const brokers = parseBrokers(takeValue(remaining, '--brokers'), '--brokers');
      const { flags, rest } = split(remaining, ['--detach', '-d', '--demo', '--infra-only']);
      return {
        kind: 'up',
        detach: flags.has('--detach') || flags.has('-d'),
        demo: flags.has('--demo'),
        infraOnly: flags.has('--infra-only'),
        names: rest.map(componentName),
        ...(replicas !== undefined ? { replicas } : {}),
        ...(brokers !== undefined ? { brokers } : {}),
      };
    }
    case 'down':
      return { kind: 'down', names: split(args, []).rest.map(componentName) };
    case 'status':
      split(args, []);
      return { kind: 'status' };
    case 'logs': {
      const linesAt = args.findIndex((arg) => arg === '-n' || arg === '--lines');
      let lines = 200;
      const remaining = [...args];
      if (linesAt >= 0) {
        lines = Number(args[linesAt + 1]);
        if (!Number.isInteger(lines) || lines < 0)
          throw new StackError('-n needs a number of lines');
        remaining.splice(linesAt, 2);
      }
      const { flags, rest } = split(remaining, ['-f', '--follow']);
      if (rest.length !== 1) throw new StackError('logs needs exactly one name, e.g. logs kafka');
      return { kind: 'logs', name: rest[0], follow: flags.size > 0, lines };
    }
    case 'start':
    case 'stop':
    case 'restart':
      return { kind: command, name: exactlyOne(command, split(args, []).rest) };
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { kind: 'help' };
    default:
      throw new StackError(
        `unknown command "${command}" (up, down, status, logs, start, stop, restart)`,
      );
  }
}
