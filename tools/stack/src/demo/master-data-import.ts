import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { GatewayClient } from './gateway-client';

/** Below the services' 64 kB body limit, with room for the JSON envelope and escaping. */
const MAX_CHUNK_BYTES = 40_000;

interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** Splits CSV text into pieces that each repeat the header row and stay under the limit. */
export function csvChunks(content: string, maxBytes = MAX_CHUNK_BYTES): string[] {
  const [header, ...rows] = content.split(/\r?\n/).filter((line) => line.trim() !== '');
  const chunks: string[] = [];
  let current: string[] = [];
  let size = header.length + 1;
  for (const row of rows) {
    if (current.length > 0 && size + row.length + 1 > maxBytes) {
      chunks.push([header, ...current].join('\n'));
      current = [];
      size = header.length + 1;
    }
    current.push(row);
    size += row.length + 1;
  }
  if (current.length > 0) chunks.push([header, ...current].join('\n'));
  return chunks;
}

/** Splits a JSON array into JSON arrays that each stay under the limit. */
export function jsonChunks(content: string, maxBytes = MAX_CHUNK_BYTES): string[] {
  const rows = JSON.parse(content) as unknown[];
  const chunks: string[] = [];
  let current: unknown[] = [];
  let size = 2;
  for (const row of rows) {
    const length = JSON.stringify(row).length + 1;
    if (current.length > 0 && size + length > maxBytes) {
      chunks.push(JSON.stringify(current));
      current = [];
      size = 2;
    }
    current.push(row);
    size += length;
  }
  if (current.length > 0) chunks.push(JSON.stringify(current));
  return chunks;
}

/** Imports one master data file through the registry's import endpoint, chunk by chunk. */
export async function importMasterDataFile(
  gateway: GatewayClient,
  token: string,
  kind: string,
  path: string,
): Promise<ImportResult> {
  const format = extname(path) === '.csv' ? 'csv' : 'json';
  const content = readFileSync(path, 'utf8');
  const chunks = format === 'csv' ? csvChunks(content) : jsonChunks(content);
  const total: ImportResult = { created: 0, updated: 0, unchanged: 0 };
  for (const chunk of chunks) {
    const answer = await gateway.call<ImportResult>('/api/master-data/imports', {
      token,
      body: { kind, format, content: chunk },
    });
    if (answer.status !== 200 && answer.status !== 201) {
      throw new Error(
        `import of ${kind} from ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 500)}`,
      );
    }
    const result = answer.body;
    total.created += result.created;
    total.updated += result.updated;
    total.unchanged += result.unchanged;
  }
  return total;
}

export function demoFile(demoDir: string, file: string): string {
  return join(demoDir, file);
}
