/** One sample of the Prometheus text exposition format: `name{label="v",…} value`. */
export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+(\S+)(?:\s+\S+)?$/;

/**
 * Reads what a service's GET /metrics answers. Comments, blank and unreadable lines are
 * skipped: the dashboard shows what it can rather than nothing.
 */
export function parsePrometheusText(text: string): MetricSample[] {
  const samples: MetricSample[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    const match = LINE.exec(line);
    if (!match) continue;
    const labels = match[2] ? parseLabels(match[2].slice(1, -1)) : {};
    const value = parseValue(match[3]);
    if (labels === undefined || value === undefined) continue;
    samples.push({ name: match[1], labels, value });
  }
  return samples;
}

function parseValue(text: string): number | undefined {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  const value = Number(text);
  return Number.isNaN(value) && text !== 'NaN' ? undefined : value;
}

/** `a="x",b="y\"z"` — values may hold escaped quotes, backslashes and newlines. */
function parseLabels(text: string): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  let rest = text.trim();
  while (rest.length > 0) {
    const name = /^([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"/.exec(rest);
    if (!name) return undefined;
    let index = name[0].length;
    let value = '';
    for (; index < rest.length && rest[index] !== '"'; index++) {
      if (rest[index] === '\\' && index + 1 < rest.length) {
        index++;
        value += rest[index] === 'n' ? '\n' : rest[index];
      } else {
        value += rest[index];
      }
    }
    if (index >= rest.length) return undefined;
    labels[name[1]] = value;
    rest = rest.slice(index + 1).replace(/^\s*,?\s*/, '');
  }
  return labels;
}

/** Sum of every sample of one metric whose labels include `where`. */
export function sumOf(
  samples: readonly MetricSample[],
  name: string,
  where: Record<string, string> = {},
): number {
  return samples
    .filter((sample) => sample.name === name && matches(sample.labels, where))
    .reduce((total, sample) => total + (Number.isFinite(sample.value) ? sample.value : 0), 0);
}

/** Largest value of one metric, or undefined when the service does not expose it. */
export function maxOf(samples: readonly MetricSample[], name: string): number | undefined {
  const values = samples.filter((sample) => sample.name === name).map((sample) => sample.value);
  return values.length > 0 ? Math.max(...values) : undefined;
}

/** A label of the first sample of a metric (e.g. `service_info{version}`). */
export function labelOf(
  samples: readonly MetricSample[],
  name: string,
  label: string,
): string | undefined {
  return samples.find((sample) => sample.name === name)?.labels[label];
}

function matches(labels: Record<string, string>, where: Record<string, string>): boolean {
  return Object.entries(where).every(([name, value]) => labels[name] === value);
}
