import { readEnvSettings } from '@metered/service-kit';
import {
  DEFAULT_LEAD_TIME_DAYS as LIBRARY_DEFAULT_LEAD_TIME_DAYS,
  LEAD_TIME_DAYS,
} from '@metered/replenishment';

/** telemetry's own settings, read once from the environment (see the app's README). */
export interface TelemetryConfig {
  /** A reading's readAt may lie this far in the future (TELEMETRY_CLOCK_SKEW_MINUTES, 10). */
  clockSkewMs: number;
  /** Consume telemetry.ingest.v1 (TELEMETRY_KAFKA_INGEST, on). */
  kafkaIngest: boolean;
  /** Silent devices are looked for this often (TELEMETRY_SILENCE_SWEEP_MS, 60000). */
  silenceSweepMs: number;
  /** Shipping lead time in days per country code; `*` for the others (TELEMETRY_LEAD_TIME_DAYS). */
  leadTimeDays: Readonly<Record<string, number>>;
  /** Days of use a suggested quantity covers after the lead time (TELEMETRY_REVIEW_DAYS, 30). */
  reviewDays: number;
}

export const TELEMETRY_CONFIG = Symbol('TELEMETRY_CONFIG');

/** Standard shipping in days (the replenishment library's table); countries not listed take `*`. */
export const DEFAULT_LEAD_TIME_DAYS: Readonly<Record<string, number>> = {
  ...LEAD_TIME_DAYS,
  '*': LIBRARY_DEFAULT_LEAD_TIME_DAYS,
};

/** `DE=3,FR=4,*=5` → { DE: 3, FR: 4, '*': 5 } on top of the defaults. */
export function parseLeadTimes(raw: string | undefined): Record<string, number> {
  const table: Record<string, number> = { ...DEFAULT_LEAD_TIME_DAYS };
  for (const part of (raw ?? '').split(',').map((entry) => entry.trim())) {
    if (part === '') continue;
    const match = /^([A-Z]{2}|\*)=(\d{1,3})$/.exec(part);
    if (!match) {
      throw new Error(`TELEMETRY_LEAD_TIME_DAYS: "${part}" is not <COUNTRY>=<days> or *=<days>`);
    }
    table[match[1]] = Number(match[2]);
  }
  return table;
}

export function leadTimeFor(
  config: Pick<TelemetryConfig, 'leadTimeDays'>,
  country: string,
): number {
  return config.leadTimeDays[country] ?? config.leadTimeDays['*'] ?? 5;
}

export function readTelemetryConfig(env: NodeJS.ProcessEnv = process.env): TelemetryConfig {
  return readEnvSettings(env, (settings) => ({
    clockSkewMs: settings.number('TELEMETRY_CLOCK_SKEW_MINUTES', { default: 10, min: 0 }) * 60_000,
    kafkaIngest: settings.onOff('TELEMETRY_KAFKA_INGEST', true),
    silenceSweepMs: settings.number('TELEMETRY_SILENCE_SWEEP_MS', { default: 60_000, min: 100 }),
    leadTimeDays: parseLeadTimes(env.TELEMETRY_LEAD_TIME_DAYS),
    reviewDays: settings.number('TELEMETRY_REVIEW_DAYS', { default: 30, min: 0 }),
  }));
}
