/**
 * The one reader of numeric and on/off settings from the environment. A service's config
 * reader asks for every setting through one `EnvSettingsReader` (via `readEnvSettings`), which
 * notes each invalid value instead of throwing at the first, so the service stops with one
 * message naming every bad setting and an operator fixes them in one round.
 * Framework-free: the stack CLI and tests use it without NestJS.
 */
export interface EnvNumberOptions {
  /** The value when the variable is unset or blank. */
  default: number;
  /** Smallest accepted value (1 unless said otherwise). */
  min?: number;
  /** Largest accepted value, if any. */
  max?: number;
  /** Why the maximum exists, shown when a value exceeds it. */
  maxReason?: string;
}

const ON = ['on', 'true', '1'];
const OFF = ['off', 'false', '0'];

function blank(raw: string | undefined): raw is undefined {
  return raw === undefined || raw.trim() === '';
}

/** Why `raw` is not an acceptable whole number for `name`, or null when it is. */
export function envNumberProblem(
  name: string,
  raw: string,
  options: EnvNumberOptions,
): string | null {
  const min = options.min ?? 1;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    const what = min === 1 ? 'a positive whole number' : `a whole number ≥ ${min}`;
    return `${name} must be ${what}, got "${raw}"`;
  }
  if (options.max !== undefined && value > options.max) {
    const why = options.maxReason ? ` (${options.maxReason})` : '';
    return `${name} must be at most ${options.max}${why}, got "${raw}"`;
  }
  return null;
}

/** Reads settings from one environment, collecting the problems of invalid values. */
export class EnvSettingsReader {
  private readonly found: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** Every problem noted so far, one line each. */
  get problems(): readonly string[] {
    return this.found;
  }

  /** A whole number; the default when unset or blank (and, after a problem, so the read can go on). */
  number(name: string, options: EnvNumberOptions): number {
    const raw = this.env[name];
    if (blank(raw)) return options.default;
    const problem = envNumberProblem(name, raw, options);
    if (problem) {
      this.found.push(problem);
      return options.default;
    }
    return Number(raw);
  }

  /** A switch: on/true/1 or off/false/0 (any case); the default when unset or blank. */
  onOff(name: string, fallback: boolean): boolean {
    const raw = this.env[name];
    if (blank(raw)) return fallback;
    const value = raw.trim().toLowerCase();
    if (ON.includes(value)) return true;
    if (OFF.includes(value)) return false;
    this.found.push(`${name} must be on or off, got "${raw}"`);
    return fallback;
  }

  /** Throws one error listing every problem noted, if any. */
  assertValid(): void {
    if (this.found.length === 0) return;
    throw new Error(
      `${this.found.length} setting(s) invalid:\n` +
        this.found.map((problem) => `  - ${problem}`).join('\n'),
    );
  }
}

/**
 * Runs a config reader against `env` and throws one error naming every invalid numeric or
 * on/off setting it asked for; returns what the reader built when all are valid.
 */
export function readEnvSettings<T>(
  env: NodeJS.ProcessEnv,
  read: (settings: EnvSettingsReader) => T,
): T {
  const settings = new EnvSettingsReader(env);
  const result = read(settings);
  settings.assertValid();
  return result;
}

/** One whole-number setting on its own: its value, or an error naming the problem. */
export function readEnvNumber(
  name: string,
  options: EnvNumberOptions,
  env: NodeJS.ProcessEnv = process.env,
): number {
  return readEnvSettings(env, (settings) => settings.number(name, options));
}
