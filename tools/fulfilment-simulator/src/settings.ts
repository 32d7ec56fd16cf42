import { readEnvSettings } from '@metered/service-kit/config';

/** The simulator's settings, read once from the environment (README.md). */
export interface SimulatorSettings {
  /** KAFKA_BROKERS (127.0.0.1:9092), comma separated. */
  kafkaBrokers: string[];
  /** FULFILMENT_SIMULATOR_DELAY_MS (15000): wait before dispatch, and again before delivery. */
  delayMs: number;
  /** FULFILMENT_SIMULATOR_PORT (3009): GET /health answers 200 once it consumes. */
  port: number;
}

export const DEFAULT_SIMULATOR_PORT = 3009;

/** Throws one error naming every invalid setting (as the services do). */
export function readSimulatorSettings(env: NodeJS.ProcessEnv = process.env): SimulatorSettings {
  return readEnvSettings(env, (settings) => ({
    kafkaBrokers: (env.KAFKA_BROKERS || '127.0.0.1:9092')
      .split(',')
      .map((broker) => broker.trim())
      .filter(Boolean),
    delayMs: settings.number('FULFILMENT_SIMULATOR_DELAY_MS', { default: 15_000, min: 0 }),
    port: settings.number('FULFILMENT_SIMULATOR_PORT', {
      default: DEFAULT_SIMULATOR_PORT,
      max: 65_535,
    }),
  }));
}
