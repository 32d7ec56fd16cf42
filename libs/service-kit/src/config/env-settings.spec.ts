import { EnvSettingsReader, readEnvNumber, readEnvSettings } from './env-settings';

describe('readEnvNumber', () => {
  it('takes the default when the variable is unset or blank', () => {
    expect(readEnvNumber('LIMIT', { default: 7 }, {})).toBe(7);
    expect(readEnvNumber('LIMIT', { default: 7 }, { LIMIT: '' })).toBe(7);
    expect(readEnvNumber('LIMIT', { default: 7 }, { LIMIT: '  ' })).toBe(7);
  });

  it('reads a whole number within the bounds', () => {
    expect(readEnvNumber('LIMIT', { default: 7 }, { LIMIT: '12' })).toBe(12);
    expect(readEnvNumber('LIMIT', { default: 7, min: 0 }, { LIMIT: '0' })).toBe(0);
    expect(readEnvNumber('LIMIT', { default: 7, max: 12 }, { LIMIT: '12' })).toBe(12);
  });

  it('refuses a value that is not a positive whole number, naming the setting and the value', () => {
    for (const raw of ['0', '-3', '2.5', 'ten']) {
      expect(() => readEnvNumber('LIMIT', { default: 7 }, { LIMIT: raw })).toThrow(
        `LIMIT must be a positive whole number, got "${raw}"`,
      );
    }
  });

  it('names the lower bound when it is not 1', () => {
    expect(() => readEnvNumber('SWEEP_MS', { default: 500, min: 100 }, { SWEEP_MS: '99' })).toThrow(
      'SWEEP_MS must be a whole number ≥ 100, got "99"',
    );
  });

  it('refuses a value above the maximum, with the reason', () => {
    expect(() =>
      readEnvNumber(
        'TTL',
        { default: 60, max: 3600, maxReason: 'tokens live at most an hour' },
        { TTL: '3601' },
      ),
    ).toThrow('TTL must be at most 3600 (tokens live at most an hour), got "3601"');
  });
});

describe('readEnvSettings', () => {
  it('returns what the reader built when every setting is valid', () => {
    const config = readEnvSettings({ A: '2', ON: 'TRUE', OFF: 'off' }, (settings) => ({
      a: settings.number('A', { default: 1 }),
      b: settings.number('B', { default: 5 }),
      on: settings.onOff('ON', false),
      off: settings.onOff('OFF', true),
      unset: settings.onOff('UNSET', true),
    }));
    expect(config).toEqual({ a: 2, b: 5, on: true, off: false, unset: true });
  });

  it('throws once, listing every invalid setting', () => {
    const read = () =>
      readEnvSettings({ A: '0', B: 'x', SWITCH: 'maybe', C: '3' }, (settings) => ({
        a: settings.number('A', { default: 1 }),
        b: settings.number('B', { default: 1 }),
        c: settings.number('C', { default: 1 }),
        switch: settings.onOff('SWITCH', false),
      }));
    expect(read).toThrow(
      '3 setting(s) invalid:\n' +
        '  - A must be a positive whole number, got "0"\n' +
        '  - B must be a positive whole number, got "x"\n' +
        '  - SWITCH must be on or off, got "maybe"',
    );
  });

  it('keeps the problems a reader noted for callers that report them themselves', () => {
    const settings = new EnvSettingsReader({ A: '-1' });
    expect(settings.number('A', { default: 4 })).toBe(4);
    expect(settings.problems).toEqual(['A must be a positive whole number, got "-1"']);
  });
});
