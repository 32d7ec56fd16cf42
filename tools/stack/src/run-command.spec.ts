import { tellingLine } from './run-command';

describe('tellingLine', () => {
  it('picks the cause of a webpack failure, not its summary, without colour codes', () => {
    const output = [
      '\u001b[1m\u001b[31mERROR\u001b[39m\u001b[22m in ./apps/gateway/src/gateway.module.ts 12:24-57',
      "Module not found: Error: Can't resolve './portal/portal.module' in '/work/main/apps/gateway/src'",
      'webpack 5.106.2 compiled with 2 errors in 8342 ms',
    ];
    expect(tellingLine(output)).toBe(
      "Module not found: Error: Can't resolve './portal/portal.module' in '/work/main/apps/gateway/src'",
    );
  });

  it('picks the first maven error', () => {
    const output = [
      '[INFO] BUILD FAILURE',
      '[ERROR] Failed to execute goal on project stack-kafka: Could not resolve dependencies',
      '[ERROR] ',
      '[ERROR] Re-run Maven using the -X switch',
    ];
    expect(tellingLine(output)).toMatch(/^\[ERROR\] Failed to execute goal/);
  });

  it('picks a TypeScript diagnostic', () => {
    const output = [
      'ERROR in ./apps/identity/src/main.ts:3:1',
      'TS2345: Argument of type string is not assignable',
      'webpack 5.106.2 compiled with 1 error',
    ];
    expect(tellingLine(output)).toBe('TS2345: Argument of type string is not assignable');
  });

  it('falls back to the last line', () => {
    expect(tellingLine(['starting', 'exit status 2'])).toBe('exit status 2');
  });
});
