/**
 * Calls from a chosen source address: Linux routes all of 127.0.0.0/8 to loopback, so a test
 * can be "another client" by binding 127.x.y.z — the gateway puts that address into
 * X-Forwarded-For and identity's per-address limits see a distinct client.
 */
import { request } from 'node:http';
import { randomInt } from 'node:crypto';

export interface RawAnswer<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}

/** A fresh address in 127.0.0.0/8 (never 127.0.0.1, which the rest of the suite uses). */
export function randomLoopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

export function postFrom<T = unknown>(
  baseUrl: string,
  path: string,
  body: unknown,
  localAddress: string,
): Promise<RawAnswer<T>> {
  const url = new URL(path, baseUrl);
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        localAddress,
        headers: { 'Content-Type': 'application/json', 'Content-Length': payload.length },
        timeout: 30000,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: keep the text
          }
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: parsed as T,
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.on('timeout', () => outgoing.destroy(new Error(`POST ${path} timed out`)));
    outgoing.end(payload);
  });
}

/** The median of the times (ms) `run` takes over `times` calls. */
export async function medianMs(times: number, run: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = process.hrtime.bigint();
    await run(i);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}
