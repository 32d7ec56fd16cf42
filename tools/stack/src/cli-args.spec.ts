import { StackError } from './errors';
import { parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('reads up with its flags and component names', () => {
    expect(parseCliArgs(['up', '--detach', '--infra-only', 'kafka'])).toEqual({
      kind: 'up',
      detach: true,
      demo: false,
      infraOnly: true,
      names: ['kafka'],
    });
  });

  it('reads the shape of up: --replicas and --brokers, with a value or =value', () => {
    expect(parseCliArgs(['up', '--replicas', '2', '--brokers=3', '-d'])).toEqual({
      kind: 'up',
      detach: true,
      demo: false,
      infraOnly: false,
      names: [],
      replicas: 2,
      brokers: 3,
    });
    expect(() => parseCliArgs(['up', '--brokers'])).toThrow(/--brokers needs a number/);
    expect(() => parseCliArgs(['up', '--replicas', '9'])).toThrow(/--replicas must be/);
  });

  it('takes one instance by name: restart ordering#2, stop kafka#3', () => {
    expect(parseCliArgs(['restart', 'ordering#2'])).toEqual({
      kind: 'restart',
      name: 'ordering#2',
    });
    expect(parseCliArgs(['stop', 'kafka#3'])).toEqual({ kind: 'stop', name: 'kafka#3' });
    expect(() => parseCliArgs(['stop', 'ferretdb#2'])).toThrow(/unknown component "ferretdb#2"/);
  });

  it('reads logs with follow and a line count', () => {
    expect(parseCliArgs(['logs', 'kafka', '-f', '-n', '20'])).toEqual({
      kind: 'logs',
      name: 'kafka',
      follow: true,
      lines: 20,
    });
  });

  it('rejects an unknown component with the list of valid ones', () => {
    expect(() => parseCliArgs(['stop', 'redis'])).toThrow(
      /unknown component "redis" \(choose from: postgres, ferretdb/,
    );
  });

  it('rejects unknown options and commands as user errors', () => {
    expect(() => parseCliArgs(['up', '--fast'])).toThrow(StackError);
    expect(() => parseCliArgs(['launch'])).toThrow(/unknown command "launch"/);
  });

  it('needs exactly one name for restart', () => {
    expect(() => parseCliArgs(['restart'])).toThrow(/exactly one/);
  });

  it('shows help without arguments', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'help' });
  });
});
