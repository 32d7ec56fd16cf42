import { readSimulatorSettings } from './settings';

describe('fulfilment simulator settings', () => {
  it('uses the local defaults when nothing is set', () => {
    expect(readSimulatorSettings({})).toEqual({
      kafkaBrokers: ['127.0.0.1:9092'],
      delayMs: 15_000,
      port: 3009,
    });
  });

  it('accepts a delay of 0 and a list of brokers', () => {
    const settings = readSimulatorSettings({
      KAFKA_BROKERS: 'a:1, b:2',
      FULFILMENT_SIMULATOR_DELAY_MS: '0',
    });
    expect(settings).toMatchObject({ kafkaBrokers: ['a:1', 'b:2'], delayMs: 0 });
  });

  it('refuses to start with one message naming every invalid setting', () => {
    expect(() =>
      readSimulatorSettings({
        FULFILMENT_SIMULATOR_DELAY_MS: '-1',
        FULFILMENT_SIMULATOR_PORT: 'x',
      }),
    ).toThrow(
      '2 setting(s) invalid:\n' +
        '  - FULFILMENT_SIMULATOR_DELAY_MS must be a whole number ≥ 0, got "-1"\n' +
        '  - FULFILMENT_SIMULATOR_PORT must be a positive whole number, got "x"',
    );
  });
});
