/**
 * What the resilience suites share: how big a run is (CI or nightly), the counted summary
 * each fault prints, the mailbox read by subject (Mailpit), and the services' own metrics.
 */
import { SERVICE_NAMES, ServiceName } from '@metered/service-kit';
import { appReplicaUrls, appUrl, testStackEnv } from '../../support/stack-env';

/** `RESILIENCE_SCALE=nightly` runs bigger loads and longer outages; CI runs the small size. */
export const NIGHTLY = process.env.RESILIENCE_SCALE === 'nightly';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface FaultCounts {
  sent: number;
  accepted?: number;
  stored?: number;
  published?: number;
  emailed?: number;
  duplicates: number;
  lost: number;
  [more: string]: number | undefined;
}

/** One greppable line per fault: `RESILIENCE <fault>: sent=… accepted=… … lost=…`. */
export function printCounts(fault: string, counts: FaultCounts): void {
  const fields = Object.entries(counts)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  console.log(`RESILIENCE ${fault}: ${fields}`);
}

/** How many times each value occurs more than once, summed: [a, a, a, b] → 2. */
export function duplicatesIn(values: readonly string[]): number {
  return values.length - new Set(values).size;
}

export interface MailSummary {
  id: string;
  /** The Message-ID header: a resend after a crash carries the same one. */
  messageId: string;
  subject: string;
  to: string[];
}

/** Every message whose recipient contains `addressPart`, subjects only (no bodies): cheap to poll. */
export async function mailTo(addressPart: string, limit = 1000): Promise<MailSummary[]> {
  const base = testStackEnv().MAIL_CAPTURE_URL || 'http://127.0.0.1:8025';
  const query = encodeURIComponent(`to:"${addressPart}"`);
  const response = await fetch(`${base}/api/v1/search?query=${query}&limit=${limit}`, {
    signal: AbortSignal.timeout(10000),
  });
  if (!response.ok) throw new Error(`Mailpit search answered ${response.status}`);
  const { messages } = (await response.json()) as {
    messages:
      { ID: string; MessageID: string; Subject: string; To: { Address: string }[] }[] | null;
  };
  return (messages ?? [])
    .map((message) => ({
      id: message.ID,
      messageId: message.MessageID,
      subject: message.Subject,
      to: message.To.map((to) => to.Address.toLowerCase()),
    }))
    .filter((message) => message.to.some((to) => to.includes(addressPart.toLowerCase())));
}

/**
 * Sum of a Prometheus counter over every replica's GET /metrics and the series matching
 * `labels` (with two replicas the event a test sends may be consumed by either).
 */
export async function metricSum(
  service: ServiceName,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const texts = await Promise.all(
    appReplicaUrls(service).map(async (url) => {
      const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) });
      return response.text();
    }),
  );
  let sum = 0;
  for (const line of texts.join('\n').split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const matches = Object.entries(labels).every(([label, value]) =>
      line.includes(`${label}="${value}"`),
    );
    if (matches) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** Milliseconds a call took, with its outcome. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

/** Waits until every app answers ready (after a fault, before the next suite). */
export async function waitForReadyApps(timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const service of SERVICE_NAMES) {
    for (;;) {
      const status = await fetch(`${appUrl(service)}/health/ready`, {
        signal: AbortSignal.timeout(5000),
      }).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) break;
      if (Date.now() > deadline) throw new Error(`${service} is not ready again (${status})`);
      await sleep(1000);
    }
  }
}
