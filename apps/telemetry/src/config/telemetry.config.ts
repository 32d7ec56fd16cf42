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

/** Standard shipping in days; countries not listed take `*`. */
export const DEFAULT_LEAD_TIME_DAYS: Readonly<Record<string, number>> = {
  '*': 5,
  DE: 2,
  AT: 3,
  CH: 3,
  FR: 3,
  NL: 2,
  BE: 2,
  GB: 4,
  US: 5,
  CA: 6,
};

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  }
  return value;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = (env[name] ?? '').trim().toLowerCase();
  if (value === '') return fallback;
  if (['on', 'true', '1'].includes(value)) return true;
  if (['off', 'false', '0'].includes(value)) return false;
  throw new Error(`${name} must be on or off, got "${env[name]}"`);
}

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
  return {
    clockSkewMs: wholeNumber(env, 'TELEMETRY_CLOCK_SKEW_MINUTES', 10, 0) * 60_000,
    kafkaIngest: onOff(env, 'TELEMETRY_KAFKA_INGEST', true),
    silenceSweepMs: wholeNumber(env, 'TELEMETRY_SILENCE_SWEEP_MS', 60_000, 100),
    leadTimeDays: parseLeadTimes(env.TELEMETRY_LEAD_TIME_DAYS),
    reviewDays: wholeNumber(env, 'TELEMETRY_REVIEW_DAYS', 30, 0),
  };
}
